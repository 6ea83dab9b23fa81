import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { describeValue, ETHORA_APP_ID_PATTERN } from './arguments.js';

/** Default `limit` of list calls when the caller gives none; sent explicitly so a short page is recognisable. */
const DEFAULT_PAGE_SIZE = 100;

/** An app id argument: 24 hex characters, returned in lower case. */
export function readAppId(value: unknown, argument = 'appId'): string {
  if (typeof value !== 'string' || !ETHORA_APP_ID_PATTERN.test(value)) {
    throw new EthoraArgumentError(argument, `must be an Ethora app id (24 hex characters), got ${describeValue(value)}`);
  }
  return value.toLowerCase();
}

/** A required plain object. */
export function assertObject(value: unknown, argument: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EthoraArgumentError(argument, `must be an object, got ${describeValue(value)}`);
  }
}

/** A non-blank string of at least `minLength` characters (after trimming). */
export function assertText(value: unknown, argument: string, minLength = 1): asserts value is string {
  if (typeof value !== 'string') throw new EthoraArgumentError(argument, `must be a string, got ${typeof value}`);
  if (value.trim().length < minLength) {
    throw new EthoraArgumentError(argument, minLength > 1 ? `must hold at least ${minLength} characters` : 'must not be empty or blank');
  }
}

/** Like `assertText`, but `undefined` passes. */
export function assertOptionalText(value: unknown, argument: string, minLength = 1): asserts value is string | undefined {
  if (value !== undefined) assertText(value, argument, minLength);
}

/** One of a fixed set of strings; `undefined` passes. */
export function assertOptionalOneOf<T extends string>(value: unknown, allowed: readonly T[], argument: string): asserts value is T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw new EthoraArgumentError(argument, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
}

/** A boolean; `undefined` passes. */
export function assertOptionalBoolean(value: unknown, argument: string): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') throw new EthoraArgumentError(argument, `must be true or false, got ${typeof value}`);
}

/** A whole number in `[min, max]`; `undefined` passes. */
export function assertOptionalInteger(value: unknown, argument: string, min: number, max = Number.MAX_SAFE_INTEGER): asserts value is number | undefined {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new EthoraArgumentError(argument, `must be a whole number ${range}, got ${typeof value === 'number' ? value : typeof value}`);
  }
}

/** A non-empty, dense array (a hole is named, `users[3]`) of at most `max` entries. */
export function assertArray(value: unknown, argument: string, max = Number.MAX_SAFE_INTEGER): asserts value is unknown[] {
  if (!Array.isArray(value)) throw new EthoraArgumentError(argument, `must be an array, got ${describeValue(value)}`);
  if (value.length === 0) throw new EthoraArgumentError(argument, 'must hold at least one entry');
  if (value.length > max) throw new EthoraArgumentError(argument, `holds ${value.length} entries; at most ${max} are allowed`);
  for (let index = 0; index < value.length; index++) {
    if (!(index in value)) throw new EthoraArgumentError(`${argument}[${index}]`, 'is a hole in a sparse array');
  }
}

/**
 * Checks `limit` (1–`max`, Ethora's page cap: 500 for most lists) and `offset` (≥ 0) of a list call and fills
 * the defaults (100 and 0). `argument` names the options object in errors, e.g. `options.limit`.
 */
export function pageOf(options: unknown, argument = 'options', max: number = ETHORA_LIMITS.pageSize): { limit: number; offset: number } {
  if (options !== undefined) assertObject(options, argument);
  const { limit, offset } = (options ?? {}) as { limit?: unknown; offset?: unknown };
  assertOptionalInteger(limit, `${argument}.limit`, 1, max);
  assertOptionalInteger(offset, `${argument}.offset`, 0);
  return { limit: limit ?? Math.min(DEFAULT_PAGE_SIZE, max), offset: offset ?? 0 };
}

/** Checks the `pageSize` of an `iterate*` call (1–`max`) and fills the default (100). */
export function pageSizeOf(options: unknown, argument = 'options', max: number = ETHORA_LIMITS.pageSize): number {
  if (options !== undefined) assertObject(options, argument);
  const { pageSize } = (options ?? {}) as { pageSize?: unknown };
  assertOptionalInteger(pageSize, `${argument}.pageSize`, 1, max);
  return pageSize ?? Math.min(DEFAULT_PAGE_SIZE, max);
}
