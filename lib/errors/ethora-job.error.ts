import { brandEthoraError } from './ethora-error-brand.js';

/** Why waiting for an async Ethora job (user batch, broadcast) ended without a result. */
export type EthoraJobErrorReason = 'failed' | 'timeout' | 'aborted';

/**
 * An async Ethora job ended `failed` (code `job_failed`), missed its deadline (`job_timeout`), or the wait
 * was aborted (`job_aborted`). `jobError` holds the server's `error` field as sent, when the job failed.
 */
export class EthoraJobError extends Error {
  override readonly name = 'EthoraJobError';
  readonly code: `job_${EthoraJobErrorReason}`;

  constructor(
    readonly jobId: string,
    readonly reason: EthoraJobErrorReason,
    message: string,
    readonly jobError?: unknown,
  ) {
    super(message);
    this.code = `job_${reason}`;
    brandEthoraError(this);
  }
}
