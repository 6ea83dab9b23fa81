import { EthoraApiError } from './ethora-api.error.js';

/** No answer within `timeoutMs` (per attempt); retried first when safe. */
export class EthoraTimeoutError extends EthoraApiError {
  override readonly name = 'EthoraTimeoutError';
  override readonly code = 'timeout' as const;
}
