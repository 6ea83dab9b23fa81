import { registerAs } from '@nestjs/config';
import { ETHORA_CHAT_ENV_VARS } from './ethora-chat.constants.js';
import type { EthoraChatModuleOptions } from './interfaces/ethora-chat-options.interface.js';


type EnvBackedOption = keyof typeof ETHORA_CHAT_ENV_VARS;
const NUMERIC: ReadonlySet<EnvBackedOption> = new Set([
  'timeoutMs',
  'maxRetries',
  'serverTokenTtlSeconds',
  'clientTokenTtlSeconds',
]);

/**
 * Reads the `ETHORA_CHAT_*` variables into options. Unset variables are left out (not `undefined`),
 * so explicit options merged on top win. Values are only parsed here; `resolveEthoraChatOptions` validates.
 */
export function readEthoraChatEnv(env: NodeJS.ProcessEnv = process.env): Partial<EthoraChatModuleOptions> {
  const options: Record<string, unknown> = {};
  for (const [option, variable] of Object.entries(ETHORA_CHAT_ENV_VARS) as [EnvBackedOption, string][]) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    if (NUMERIC.has(option)) options[option] = Number(raw);
    else if (option === 'logging') options[option] = !['false', '0', 'off', 'no'].includes(raw.toLowerCase());
    else options[option] = raw;
  }
  return options as Partial<EthoraChatModuleOptions>;
}

/**
 * The `ethoraChat` config namespace. `EthoraChatModule.forRootAsync(ethoraChatConfig.asProvider())`
 * is a one-line async setup; `ConfigService.get('ethoraChat')` reads the same values.
 * Typed as complete options: a variable that is missing is reported by the module's boot validation.
 */
export const ethoraChatConfig = registerAs('ethoraChat', (): EthoraChatModuleOptions => readEthoraChatEnv() as EthoraChatModuleOptions);
