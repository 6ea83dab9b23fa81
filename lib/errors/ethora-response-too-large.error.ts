import { EthoraApiError } from './ethora-api.error.js';

/**
 * The answer's body grew past `maxResponseBytes` (counted after decompression, so a gzip bomb is caught).
 * Reading stopped there and the connection was dropped; nothing of the body is kept. Not retried.
 */
export class EthoraResponseTooLargeError extends EthoraApiError {
  override readonly name = 'EthoraResponseTooLargeError';
  override readonly code = 'response_too_large' as const;
}
