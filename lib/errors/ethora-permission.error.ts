import { EthoraApiError } from './ethora-api.error.js';

/** 403: the token is valid but may not act on this app or resource. */
export class EthoraPermissionError extends EthoraApiError {
  override readonly name = 'EthoraPermissionError';
  override readonly code = 'permission_denied' as const;
}
