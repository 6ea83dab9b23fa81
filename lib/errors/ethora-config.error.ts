import { brandEthoraError } from './ethora-error-brand.js';

/** One bad or missing option: its name, its env var (if it has one) and what is wrong. */
export interface EthoraConfigProblem {
  option: string;
  envVar?: string;
  problem: string;
}

/**
 * The module's options are missing or malformed; thrown at boot, so the app does not start half-configured.
 * The message names every bad option at once (with its env var) and what to do; `problems` lists them.
 * It never contains the secret's value.
 */
export class EthoraConfigError extends Error {
  override readonly name = 'EthoraConfigError';
  readonly code = 'invalid_config' as const;
  /** Every problem found, the first one being `option` / `envVar`. */
  readonly problems: readonly EthoraConfigProblem[];

  constructor(
    readonly option: string,
    readonly envVar: string | undefined,
    problem: string,
    more: readonly EthoraConfigProblem[] = [],
  ) {
    const all = [{ option, envVar, problem }, ...more];
    super(
      all.length === 1
        ? `Invalid Ethora chat configuration: ${describe(all[0])}`
        : `Invalid Ethora chat configuration (${all.length} problems): ${all.map(describe).join('; ')}`,
    );
    this.problems = all;
    brandEthoraError(this);
  }
}

function describe({ option, envVar, problem }: EthoraConfigProblem): string {
  return `${envVar ? `option "${option}" (env ${envVar})` : `option "${option}"`} ${problem}`;
}
