import { EthoraApiError } from './ethora-api.error.js';

/** 422 that is neither "not found" nor "already exists": Ethora's validation refused a field (`VALIDATION_ERROR`). */
export class EthoraValidationError extends EthoraApiError {
  override readonly name = 'EthoraValidationError';
  override readonly code = 'validation_failed' as const;
}
