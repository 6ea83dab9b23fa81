import { Logger } from '@nestjs/common';
import { ETHORA_CHAT_DEFAULTS, ETHORA_CHAT_ENV_VARS, ETHORA_CHAT_LOGGER_CONTEXT, ETHORA_CHAT_RANGES } from '../ethora-chat.constants.js';
import { EthoraConfigError, type EthoraConfigProblem } from '../errors/ethora-config.error.js';
import type { EthoraChatModuleOptions } from '../interfaces/ethora-chat-options.interface.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from './resolved-options.interface.js';
import { SecretValue } from './secret-value.js';
import { ETHORA_APP_ID_PATTERN } from '../edge/arguments.js';

/** Below this many characters an app secret is easy to brute-force offline from one leaked token. */
const SHORT_SECRET = 16;
const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\])$/;
// forRoot() reads process.env; a .env file gets there only through ConfigModule.forRoot() (docs/decisions.md).
const ENV_FILE_HINT = ' If it is in a .env file, import ConfigModule.forRoot() in your AppModule: only it loads .env into process.env.';

type Input = Partial<EthoraChatModuleOptions>;
type NumericOption = keyof typeof ETHORA_CHAT_RANGES;

/**
 * Validates the options, applies defaults and normalises `apiUrl` / `xmppHost`. Throws one `EthoraConfigError`
 * naming every bad or missing option (with its env var) at once; warns (through the library's logger) on
 * risky values.
 */
export function resolveEthoraChatOptions(input: Input): ResolvedEthoraChatOptions {
  const logger = input.logging === false ? undefined : (input.logger ?? new Logger(ETHORA_CHAT_LOGGER_CONTEXT));
  const problems = new ConfigProblems();
  const url = parseApiUrl(input.apiUrl, problems);
  const appId = requireString(input, 'appId', 'Set it to your Ethora app id (24 hex characters).', problems);
  if (appId !== undefined && !ETHORA_APP_ID_PATTERN.test(appId)) {
    problems.add('appId', 'must be 24 hex characters (a Mongo ObjectId), as shown in the Ethora admin panel.');
  }
  const appSecret = optionalString(input, 'appSecret', problems);
  const appToken = optionalString(input, 'appToken', problems);
  if (isUnset(input.appSecret) && isUnset(input.appToken)) {
    problems.add('appSecret', `is missing, and so is appToken (env ${ETHORA_CHAT_ENV_VARS.appToken}). Set the app secret from the Ethora admin panel, or an app token.${ENV_FILE_HINT}`);
  }
  const signingMode = input.signingMode ?? ETHORA_CHAT_DEFAULTS.signingMode;
  if (signingMode !== 'scoped' && signingMode !== 'legacy') problems.add('signingMode', 'must be "scoped" or "legacy".');
  const numbers = Object.fromEntries(
    (Object.keys(ETHORA_CHAT_RANGES) as NumericOption[]).map((option) => [option, integer(input, option, problems)]),
  ) as Record<NumericOption, number>;
  const logRequestBodies = input.logRequestBodies ?? ETHORA_CHAT_DEFAULTS.logRequestBodies;
  if (typeof logRequestBodies !== 'boolean') problems.add('logRequestBodies', 'must be true or false.');
  const httpClientSpans = input.httpClientSpans ?? ETHORA_CHAT_DEFAULTS.httpClientSpans;
  if (typeof httpClientSpans !== 'boolean') problems.add('httpClientSpans', 'must be true or false.');
  const rateLimitPerSecond = optionalRate(input.rateLimitPerSecond, problems);
  const chatbotJid = optionalString(input, 'chatbotJid', problems);
  const xmppHost = optionalString(input, 'xmppHost', problems);
  problems.throwIfAny();
  // Every check passed: the values below are defined.
  const { hostname, origin, pathname, protocol } = url as URL;

  const log = new EthoraLog(logger);
  if (appSecret !== undefined && appSecret.length < SHORT_SECRET) {
    log.warn(`appSecret is only ${appSecret.length} characters long; use the full secret from the Ethora admin panel.`);
  }
  if (protocol === 'http:' && !LOCAL_HOSTS.test(hostname)) {
    log.warn(`apiUrl uses plain http to ${hostname}: tokens would cross the network unencrypted. Use https.`);
  }

  return Object.freeze({
    apiUrl: origin + pathname.replace(/\/+$/, '').replace(/\/v1$/, ''),
    appId: (appId as string).toLowerCase(),
    ...(appSecret !== undefined && { appSecret: new SecretValue(appSecret) }),
    ...(appToken !== undefined && { appToken: new SecretValue(appToken) }),
    chatbotJid,
    xmppHost: xmppHost ?? hostname.replace(/^api\./, 'xmpp.'),
    signingMode,
    ...numbers,
    logRequestBodies,
    httpClientSpans,
    ...(rateLimitPerSecond !== undefined && { rateLimitPerSecond }),
    logger,
  });
}

/** Collects every problem, so one boot error lists them all instead of one per restart. */
class ConfigProblems {
  private readonly list: EthoraConfigProblem[] = [];

  add(option: keyof EthoraChatModuleOptions, problem: string): void {
    this.list.push({ option, envVar: (ETHORA_CHAT_ENV_VARS as Record<string, string>)[option], problem });
  }

  throwIfAny(): void {
    const [first, ...more] = this.list;
    if (first) throw new EthoraConfigError(first.option, first.envVar, first.problem, more);
  }
}

function requireString(input: Input, option: 'appId' | 'apiUrl', hint: string, problems: ConfigProblems): string | undefined {
  const value = input[option];
  if (isUnset(value)) problems.add(option, `is missing. ${hint}${ENV_FILE_HINT}`);
  else if (typeof value !== 'string' || !value.trim()) problems.add(option, `must be a non-empty string. ${hint}`);
  else return value.trim();
  return undefined;
}

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function optionalString(input: Input, option: 'chatbotJid' | 'xmppHost' | 'appSecret' | 'appToken', problems: ConfigProblems): string | undefined {
  const value = input[option];
  if (isUnset(value)) return undefined;
  if (typeof value === 'string' && value.trim()) return value.trim();
  problems.add(option, 'must be a non-empty string when set.');
  return undefined;
}

function parseApiUrl(value: unknown, problems: ConfigProblems): URL | undefined {
  const raw = requireString({ apiUrl: value as string }, 'apiUrl', 'Set it to the Ethora API origin, e.g. https://api.chat.ethora.com.', problems);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.add('apiUrl', 'is not a valid URL; use an absolute http(s) origin such as https://api.chat.ethora.com.');
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.add('apiUrl', 'must use https (or http on localhost).');
  // Credentials in the URL would end up in logs and errors; the secret belongs in appSecret.
  else if (url.username || url.password) problems.add('apiUrl', 'must not contain a user name or password.');
  else if (url.search || url.hash) problems.add('apiUrl', 'must not contain a query or fragment.');
  else return url;
  return undefined;
}

function optionalRate(value: unknown, problems: ConfigProblems): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1_000_000) return value;
  problems.add('rateLimitPerSecond', 'must be a positive number (at most 1000000) when set.');
  return undefined;
}

function integer(input: Input, option: NumericOption, problems: ConfigProblems): number {
  const value = input[option] ?? ETHORA_CHAT_DEFAULTS[option];
  const [min, max] = ETHORA_CHAT_RANGES[option];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(option, `must be an integer from ${min} to ${max}, got ${typeof value === 'number' ? value : typeof value}.`);
  }
  return value as number;
}
