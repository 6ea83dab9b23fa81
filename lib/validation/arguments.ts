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

/** Checks a non-empty array of distinct ids of at most `max` entries. */
export function assertIdList(value: unknown, argument: string, max: number): asserts value is string[] {
  if (!Array.isArray(value)) throw new EthoraArgumentError(argument, `must be an array of ids, got ${describeValue(value)}`);
  if (value.length === 0) throw new EthoraArgumentError(argument, 'must hold at least one id');
  if (value.length > max) {
    throw new EthoraArgumentError(argument, `holds ${value.length} ids; Ethora takes at most ${max} per call (use the bulk methods)`);
  }
  const seen = new Set<string>();
  value.forEach((id, index) => {
    assertId(id, `${argument}[${index}]`);
    if (seen.has(id)) throw new EthoraArgumentError(`${argument}[${index}]`, `"${id}" appears twice`);
    seen.add(id);
  });
}

/** Accepts one id or an array of ids and returns the array form. */
export function idOrIds(value: unknown, argument: string, max: number): string[] {
  if (Array.isArray(value)) {
    assertIdList(value, argument, max);
    return value;
  }
  assertId(value, argument);
  return [value];
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
