import { EthoraApiError } from './ethora-api.error.js';

/** 400 or 422: Ethora refused the request's content (`VALIDATION_ERROR`, `APP_NOT_FOUND`, ...). */
export class EthoraBadRequestError extends EthoraApiError {
  override readonly name = 'EthoraBadRequestError';
  override readonly code = 'bad_request' as const;
}
