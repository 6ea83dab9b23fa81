import { EthoraApiError } from './ethora-api.error.js';

/** 404, or a 422 whose body says "not found": the app, job, token, room or user does not exist. */
export class EthoraNotFoundError extends EthoraApiError {
  override readonly name = 'EthoraNotFoundError';
  override readonly code = 'not_found' as const;
}
