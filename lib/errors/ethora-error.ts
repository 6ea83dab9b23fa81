import type { EthoraArgumentError } from './ethora-argument.error.js';
import type { EthoraAuthenticationError } from './ethora-authentication.error.js';
import type { EthoraBadRequestError } from './ethora-bad-request.error.js';
import type { EthoraConfigError } from './ethora-config.error.js';
import type { EthoraConflictError } from './ethora-conflict.error.js';
import type { EthoraConnectionError } from './ethora-connection.error.js';
import { hasEthoraBrand } from './ethora-error-brand.js';
import type { EthoraJobError } from './ethora-job.error.js';
import type { EthoraMassRemovalError } from './ethora-mass-removal.error.js';
import type { EthoraNotFoundError } from './ethora-not-found.error.js';
import type { EthoraPermissionError } from './ethora-permission.error.js';
import type { EthoraRateLimitError } from './ethora-rate-limit.error.js';
import type { EthoraResponseTooLargeError } from './ethora-response-too-large.error.js';
import type { EthoraServerError } from './ethora-server.error.js';
import type { EthoraTimeoutError } from './ethora-timeout.error.js';
import type { EthoraTokenError } from './ethora-token.error.js';
import type { EthoraUnexpectedResponseError } from './ethora-unexpected-response.error.js';
import type { EthoraValidationError } from './ethora-validation.error.js';

/**
 * Every error this library throws, as a union discriminated by `code`: after `isEthoraError(e)`,
 * `e.code === 'rate_limited'` narrows `e` to the rate-limit error, so `e.retryAfterMs` needs no cast.
 */
export type EthoraError =
  | EthoraBadRequestError
  | EthoraAuthenticationError
  | EthoraPermissionError
  | EthoraNotFoundError
  | EthoraConflictError
  | EthoraValidationError
  | EthoraRateLimitError
  | EthoraServerError
  | EthoraConnectionError
  | EthoraTimeoutError
  | EthoraResponseTooLargeError
  | EthoraUnexpectedResponseError
  | EthoraArgumentError
  | EthoraConfigError
  | EthoraJobError
  | EthoraMassRemovalError
  | EthoraTokenError;

/** Every `code` an `EthoraError` can carry. */
export type EthoraErrorCode = EthoraError['code'];

/**
 * True for any error this library threw: API errors, bad arguments, bad config, job waits,
 * token checks and refused mass removals.
 * A brand check, so it works across two copies of the package, where `instanceof` does not.
 */
export function isEthoraError(value: unknown): value is EthoraError {
  return hasEthoraBrand(value);
}

/**
 * The `code` an error carries (ours, or a transport code such as `ECONNRESET`), or `unknown_error`: the one
 * answer for reports, span attributes and metrics, so they never disagree on what to call a failure.
 */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown_error';
}
