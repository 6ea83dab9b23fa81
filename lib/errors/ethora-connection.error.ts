import { EthoraApiError } from './ethora-api.error.js';

/** No answer: refused, reset or dropped connection, or the client shut down; retried first when safe. */
export class EthoraConnectionError extends EthoraApiError {
  override readonly name = 'EthoraConnectionError';
  override readonly code = 'connection_failed' as const;
}
