import { EthoraApiError } from './ethora-api.error.js';

/** 409, or a 422 whose body says "already exists". */
export class EthoraConflictError extends EthoraApiError {
  override readonly name = 'EthoraConflictError';
  override readonly code = 'conflict' as const;
}
