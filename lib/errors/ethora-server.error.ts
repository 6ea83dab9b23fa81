import { EthoraApiError } from './ethora-api.error.js';

/** 5xx (or 410 for a retired host): Ethora failed; 502/503/504 were retried first. */
export class EthoraServerError extends EthoraApiError {
  override readonly name = 'EthoraServerError';
  override readonly code = 'server_error' as const;
}
