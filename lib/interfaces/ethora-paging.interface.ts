/** `limit` / `offset` of one v2 list call (ethora-api.md §5: no cursor, no total). */
export interface EthoraPageOptions {
  /** Items per page, 1–500. Default 100. */
  limit?: number;
  /** Items to skip, ≥ 0. Default 0. */
  offset?: number;
}

/**
 * One page of a v2 list, normalised: the list is read from wherever the server put it (`results`, `users`,
 * `chats`, `apps`, ...), `limit`/`offset` are the ones sent, and `raw` is the answer exactly as sent.
 * A page shorter than `limit` is the last one.
 */
export interface EthoraPage<T> {
  items: T[];
  limit: number;
  offset: number;
  raw: unknown;
}

/** Options of the `iterate*` methods. */
export interface EthoraIterateOptions {
  /** Items fetched per request, 1–500. Default 100. Only one page is held in memory at a time. */
  pageSize?: number;
}
