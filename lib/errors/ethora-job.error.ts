/** Why waiting for an async Ethora job (user batch, broadcast) ended without a result. */
export type EthoraJobErrorReason = 'failed' | 'timeout' | 'aborted';

/**
 * An async Ethora job ended `failed`, missed its deadline, or the wait was aborted.
 * `jobError` holds the server's `error` field as sent, when the job failed.
 */
export class EthoraJobError extends Error {
  override readonly name = 'EthoraJobError';
  readonly code = 'job_error' as const;

  constructor(
    readonly jobId: string,
    readonly reason: EthoraJobErrorReason,
    message: string,
    readonly jobError?: unknown,
  ) {
    super(message);
  }
}
