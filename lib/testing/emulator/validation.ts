import { validationError } from './http-error.js';

/** Small body/query validators that answer 422 VALIDATION_ERROR naming the field. @internal */

export type JsonObject = Record<string, unknown>;

export function asObject(body: unknown, what = 'body'): JsonObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw validationError(`${what} must be a JSON object`);
  return body as JsonObject;
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw validationError(`${field} is required and must be a non-empty string`);
  return value;
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`${field} must be a string`);
  return value;
}

/** firstName / lastName / displayName: a string of 2+ characters (ethora-api.md §3). */
export function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length < 2) throw validationError(`${field} must be a string of at least 2 characters`);
  return value;
}

export function optionalName(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : requireName(value, field);
}

export function requireArray(value: unknown, field: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw validationError(`${field} must be an array`);
  if (value.length < min || value.length > max) throw validationError(`${field} must hold ${min} to ${max} items (got ${value.length})`);
  return value;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw validationError(`${field} must be a boolean`);
  return value;
}

/** `one_of` enum check. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw validationError(`${field} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}

/** Integer query parameter within [min, max]; `fallback` when absent. */
function queryInt(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw validationError(`${name} must be an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw validationError(`${name} must be between ${min} and ${max}`);
  return n;
}

/** `limit` (1..maxLimit, default 100) and `offset` (>= 0) of v2 lists. */
export function paging(query: URLSearchParams, maxLimit = 500): { limit: number; offset: number } {
  return {
    limit: queryInt(query, 'limit', 100, 1, maxLimit),
    offset: queryInt(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** `true`/`1` → true, `false`/`0`/absent → false, else 422. */
export function queryBoolean(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw validationError(`${name} must be true or false`);
}
