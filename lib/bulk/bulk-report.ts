import { isEthoraApiError } from '../errors/ethora-api.error.js';
import type { EthoraLog } from '../logging/ethora-log.js';
import { excerpt } from '../errors/safe-text.js';
import type { BulkAccessResult, BulkCreatedUser, BulkCreateUsersTotals, BulkItemError } from '../interfaces/ethora-bulk.interface.js';
import { errorCodeOf } from '../errors/ethora-error.js';

/**
 * What a report keeps of an error: code, message and, for API errors, status, server code and request id.
 * API error messages name the call and the server's answer, never headers or tokens (see `createApiError`),
 * so this is safe to store and log. One object is shared by every user of a failed chunk.
 */
export function toBulkItemError(error: unknown): BulkItemError {
  if (isEthoraApiError(error)) {
    return Object.freeze({
      code: error.code,
      message: error.message,
      ...(error.status !== undefined && { status: error.status }),
      ...(error.serverCode !== undefined && { serverCode: error.serverCode }),
      ...(error.requestId !== undefined && { requestId: error.requestId }),
      ...(error.serverRequestId !== undefined && { serverRequestId: error.serverRequestId }),
    });
  }
  return Object.freeze({ code: errorCodeOf(error), message: error instanceof Error ? error.message : String(error) });
}

/** Counts created / existed / failed users. */
export function countCreated(users: readonly Pick<BulkCreatedUser, 'status'>[]): BulkCreateUsersTotals {
  const totals = { users: users.length, created: 0, existed: 0, failed: 0 };
  for (const { status } of users) totals[status]++;
  return totals;
}

/** Counts access results that succeeded and failed. */
export function countAccess(results: readonly BulkAccessResult[]): { users: number; succeeded: number; failed: number } {
  let failed = 0;
  for (const result of results) if (result.status === 'failed') failed++;
  return { users: results.length, succeeded: results.length - failed, failed };
}

/**
 * Reports progress after each chunk. A callback that throws, or returns a promise that rejects, is the caller's
 * bug: it is logged, never allowed to stop the run or to become an unhandled rejection.
 */
export class ProgressCounter {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly onProgress: ((done: number, total: number) => unknown) | undefined,
    private readonly log: EthoraLog,
  ) {}

  add(count: number): void {
    this.done += count;
    if (!this.onProgress) return;
    const ignore = (error: unknown) => this.log.warn(`onProgress failed and was ignored: ${excerpt(error instanceof Error ? error.message : String(error))}`);
    try {
      const result = this.onProgress(this.done, this.total);
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') Promise.resolve(result).catch(ignore);
    } catch (error) {
      ignore(error);
    }
  }
}
