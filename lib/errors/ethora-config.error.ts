import { brandEthoraError } from './ethora-error-brand.js';

/**
 * The module's options are missing or malformed; thrown at boot, so the app does not start half-configured.
 * The message names the option, its env var and what to do. It never contains the secret's value.
 */
export class EthoraConfigError extends Error {
  override readonly name = 'EthoraConfigError';
  readonly code = 'invalid_config' as const;

  constructor(
    readonly option: string,
    readonly envVar: string | undefined,
    problem: string,
  ) {
    const source = envVar ? `option "${option}" (env ${envVar})` : `option "${option}"`;
    super(`Invalid Ethora chat configuration: ${source} ${problem}`);
    brandEthoraError(this);
  }
}
