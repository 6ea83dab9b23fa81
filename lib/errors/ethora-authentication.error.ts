import { EthoraApiError } from './ethora-api.error.js';

/** 401: the token was refused (bad signature, expired, wrong app, missing `type`). */
export class EthoraAuthenticationError extends EthoraApiError {
  override readonly name = 'EthoraAuthenticationError';
  override readonly code = 'authentication_failed' as const;
}
