import { registerAs } from '@nestjs/config';
import type { EthoraChatModuleOptions } from './interfaces/ethora-chat-options.interface.js';

/** The env var behind each option that has one; boot errors name both. */
export const ETHORA_CHAT_ENV_VARS = {
  apiUrl: 'ETHORA_CHAT_API_URL',
  appId: 'ETHORA_CHAT_APP_ID',
  appSecret: 'ETHORA_CHAT_APP_SECRET',
  appToken: 'ETHORA_CHAT_APP_TOKEN',
  chatbotJid: 'ETHORA_CHAT_BOT_JID',
  xmppHost: 'ETHORA_CHAT_XMPP_HOST',
  signingMode: 'ETHORA_CHAT_SIGNING_MODE',
  timeoutMs: 'ETHORA_CHAT_TIMEOUT_MS',
  maxRetries: 'ETHORA_CHAT_MAX_RETRIES',
  serverTokenTtlSeconds: 'ETHORA_CHAT_SERVER_TOKEN_TTL_SECONDS',
  clientTokenTtlSeconds: 'ETHORA_CHAT_CLIENT_TOKEN_TTL_SECONDS',
  logging: 'ETHORA_CHAT_LOGGING',
} as const satisfies Partial<Record<keyof EthoraChatModuleOptions, string>>;

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
