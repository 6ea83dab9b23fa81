import { EthoraApiError } from './ethora-api.error.js';

/**
 * A 2xx answer that is not what the route promises (an HTML login page from a proxy, `null`, text, a list
 * where an object belongs). The call's outcome is unknown, so it is never reported as success. Not retried.
 * `response.data` keeps what the server sent.
 */
export class EthoraUnexpectedResponseError extends EthoraApiError {
  override readonly name = 'EthoraUnexpectedResponseError';
  override readonly code = 'unexpected_response' as const;
}
