import { EthoraArgumentError } from '../errors/ethora-argument.error.js';

/** Longest id accepted; Ethora stores ids inside XMPP local parts and room names. */
export const MAX_ID_LENGTH = 256;

/** Ethora app ids are Mongo ObjectIds: 24 hex characters (ethora-api.md §1). */
export const ETHORA_APP_ID_PATTERN = /^[0-9a-f]{24}$/i;

/**
 * The id alphabet: ASCII letters, digits, `_`, `-` and `.`; first a letter or digit, last not `.`, no `..`.
 * It keeps ids valid inside an XMPP local part and a URL path segment, and rules out `/`, `?`, `#`, `@`,
 * spaces and control characters, which would change the request or the JID.
 */
export const ETHORA_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

/** Checks one id (user id, chat id, job id, ...) and names `argument` in the error. */
export function assertId(value: unknown, argument: string): asserts value is string {
  if (typeof value !== 'string') throw new EthoraArgumentError(argument, `must be a string, got ${describeValue(value)}`);
  if (!value.trim()) throw new EthoraArgumentError(argument, 'must not be empty or blank');
  if (value.length > MAX_ID_LENGTH) {
    throw new EthoraArgumentError(argument, `must be at most ${MAX_ID_LENGTH} characters, got ${value.length}`);
  }
  if (!ETHORA_ID_PATTERN.test(value) || value.includes('..')) {
    throw new EthoraArgumentError(
      argument,
      `"${printable(value)}" may hold only letters, digits, "_", "-" and "." (starting with a letter or digit, not ending in ".", no "..")`,
    );
  }
}

/**
 * One id argument as the plain id: checked by the id rule, with a leading `<appId>_` (app id compared
 * case-insensitively) stripped once, and what remains checked again (docs/decisions.md, "Ids: the one rule").
 */
export function readId(value: unknown, argument: string, appId: string): string {
  assertId(value, argument);
  const prefix = `${appId}_`;
  if (value.length <= prefix.length || value.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return value;
  const plain = value.slice(prefix.length);
  assertId(plain, argument);
  return plain;
}

/** Options of `readIdList`. */
export interface IdListRule {
  /** The app whose `<appId>_` prefix is stripped; leave out for ids that carry none (job ids, token ids). */
  appId?: string;
  /** Most ids one call takes; leave out for bulk calls, which chunk any number. */
  max?: number;
}

/**
 * A non-empty array of distinct ids, as plain ids. Every entry is checked (holes in a sparse array
 * included, which `forEach` would skip), and two ids that differ only in case are the same id.
 */
export function readIdList(value: unknown, argument: string, rule: IdListRule = {}): string[] {
  if (!Array.isArray(value)) throw new EthoraArgumentError(argument, `must be an array of ids, got ${describeValue(value)}`);
  if (value.length === 0) throw new EthoraArgumentError(argument, 'must hold at least one id');
  if (rule.max !== undefined && value.length > rule.max) {
    throw new EthoraArgumentError(argument, `holds ${value.length} ids; Ethora takes at most ${rule.max} per call (use the bulk methods)`);
  }
  const seen = new DistinctIds(argument);
  const ids = new Array<string>(value.length);
  for (let index = 0; index < value.length; index++) {
    const at = `${argument}[${index}]`;
    if (!(index in value)) throw new EthoraArgumentError(at, 'is a hole in a sparse array');
    const id = rule.appId === undefined ? (assertId(value[index], at), value[index] as string) : readId(value[index], at, rule.appId);
    seen.add(id, index, at);
    ids[index] = id;
  }
  return ids;
}

/** Accepts one id or an array of ids (at most `max`) and returns the plain ids. */
export function readIdOrIds(value: unknown, argument: string, appId: string, max: number): string[] {
  return Array.isArray(value) ? readIdList(value, argument, { appId, max }) : [readId(value, argument, appId)];
}

/**
 * Refuses an id seen before in the same list, case-insensitively (XMPP folds local parts to lower case),
 * naming both places: `users[7].userId: "Alice" appears twice (also users[2])`.
 */
export class DistinctIds {
  private readonly firstIndex = new Map<string, number>();

  constructor(private readonly list: string) {}

  add(id: string, index: number, at: string): void {
    const key = id.toLowerCase();
    const seen = this.firstIndex.get(key);
    if (seen !== undefined) throw new EthoraArgumentError(at, `"${printable(id)}" appears twice (also ${this.list}[${seen}])`);
    this.firstIndex.set(key, index);
  }
}

/** Checks a whole number ≥ 1 (lifetimes, limits, concurrency). */
export function assertPositiveInteger(value: unknown, argument: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new EthoraArgumentError(argument, `must be a whole number ≥ 1, got ${describeValue(value)}`);
  }
}

/** Checks an optional plain object argument. */
export function assertOptionalObject(value: unknown, argument: string): asserts value is Record<string, unknown> | undefined {
  if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new EthoraArgumentError(argument, `must be an object when given, got ${describeValue(value)}`);
  }
}

/** How a bad value is named in an error: its type, or a string's (escaped, shortened) content. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${printable(value)}"` : typeof value;
}

// Control characters are shown escaped so an error message cannot forge log lines.
function printable(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown).slice(1, -1);
}
