import { brandEthoraError } from './ethora-error-brand.js';

/**
 * A client token failed verification: expired, bad signature, malformed, or not a client token of this app.
 * The message says why; it never contains the token.
 */
export class EthoraTokenError extends Error {
  override readonly name = 'EthoraTokenError';
  readonly code = 'invalid_token' as const;

  constructor(message: string) {
    super(message);
    brandEthoraError(this);
  }
}
