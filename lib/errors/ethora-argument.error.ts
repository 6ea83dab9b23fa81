import { brandEthoraError } from './ethora-error-brand.js';

/**
 * Bad input to a library method, caught before anything is sent. `argument` names the parameter
 * (e.g. `userIds[3]`, `roomData.title`). It is not an `EthoraApiError`: no request was made.
 */
export class EthoraArgumentError extends Error {
  override readonly name = 'EthoraArgumentError';
  readonly code = 'invalid_argument' as const;

  constructor(
    readonly argument: string,
    problem: string,
  ) {
    super(`Invalid argument ${argument}: ${problem}`);
    brandEthoraError(this);
  }
}
