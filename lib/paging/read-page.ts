import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';

/**
 * Normalises a v2 list answer into an `EthoraPage`. Ethora puts the list under different keys (`results` or
 * `users` for users, `chats`, `apps`, `tokens`, ethora-api.md §4 [I]), so the first array found under `keys`
 * wins; a bare array answer is taken as the list; anything else is an empty page. `raw` keeps the answer.
 */
export function readPage<T>(raw: unknown, keys: readonly string[], limit: number, offset: number): EthoraPage<T> {
  return { items: readList<T>(raw, keys), limit, offset, raw };
}

/** The list in an answer: the first array under `keys`, the answer itself when it is an array, else `[]`. */
export function readList<T>(raw: unknown, keys: readonly string[]): T[] {
  if (Array.isArray(raw)) return raw as T[];
  if (typeof raw !== 'object' || raw === null) return [];
  const answer = raw as Record<string, unknown>;
  const list = keys.map((key) => answer[key]).find(Array.isArray);
  return (list ?? []) as T[];
}

/** The object under `key` when the answer wraps it (`{ app: {...} }`, `{ bot: {...} }`), else the answer itself. */
export function unwrap<T>(raw: unknown, key: string): T {
  const inner = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return (typeof inner === 'object' && inner !== null ? inner : raw) as T;
}
