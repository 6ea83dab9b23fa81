import { Logger } from '@nestjs/common';
import { ETHORA_CHAT_DEFAULTS, ETHORA_CHAT_LOGGER_CONTEXT } from '../ethora-chat.constants.js';
import { ETHORA_CHAT_ENV_VARS } from '../ethora-chat.config.js';
import { EthoraConfigError } from '../errors/ethora-config.error.js';
import type { EthoraChatModuleOptions } from '../interfaces/ethora-chat-options.interface.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from './resolved-options.interface.js';
import { SecretValue } from './secret-value.js';
import { ETHORA_APP_ID_PATTERN } from '../validation/arguments.js';

/** Below this many characters an app secret is easy to brute-force offline from one leaked token. */
const SHORT_SECRET = 16;
const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/**
 * Validates the options, applies defaults and normalises `apiUrl` / `xmppHost`. Throws `EthoraConfigError`
 * naming the option and env var on the first problem; warns (through the library's logger) on risky values.
 */
export function resolveEthoraChatOptions(input: Partial<EthoraChatModuleOptions>): ResolvedEthoraChatOptions {
  const logger = input.logging === false ? undefined : (input.logger ?? new Logger(ETHORA_CHAT_LOGGER_CONTEXT));
  const url = parseApiUrl(input.apiUrl);
  const appId = requireString(input, 'appId', 'Set it to your Ethora app id (24 hex characters).');
  if (!ETHORA_APP_ID_PATTERN.test(appId)) fail('appId', 'must be 24 hex characters (a Mongo ObjectId), as shown in the Ethora admin panel.');
  const appSecret = requireString(input, 'appSecret', 'Set it to the app secret from the Ethora admin panel.');
  const signingMode = input.signingMode ?? ETHORA_CHAT_DEFAULTS.signingMode;
  if (signingMode !== 'scoped' && signingMode !== 'legacy') fail('signingMode', 'must be "scoped" or "legacy".');

  const log = new EthoraLog(logger);
  if (appSecret.length < SHORT_SECRET) {
    log.warn(`appSecret is only ${appSecret.length} characters long; use the full secret from the Ethora admin panel.`);
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.test(url.hostname)) {
    log.warn(`apiUrl uses plain http to ${url.hostname}: tokens would cross the network unencrypted. Use https.`);
  }

  return Object.freeze({
    apiUrl: url.origin + url.pathname.replace(/\/+$/, '').replace(/\/v1$/, ''),
    appId: appId.toLowerCase(),
    appSecret: new SecretValue(appSecret),
    chatbotJid: optionalString(input, 'chatbotJid'),
    xmppHost: optionalString(input, 'xmppHost') ?? url.hostname.replace(/^api\./, 'xmpp.'),
    signingMode,
    timeoutMs: integer(input, 'timeoutMs', 1),
    maxRetries: integer(input, 'maxRetries', 0, 10),
    retryBaseDelayMs: integer(input, 'retryBaseDelayMs', 0),
    retryMaxDelayMs: integer(input, 'retryMaxDelayMs', 0),
    serverTokenTtlSeconds: integer(input, 'serverTokenTtlSeconds', 60),
    clientTokenTtlSeconds: integer(input, 'clientTokenTtlSeconds', 1),
    clockSkewSeconds: integer(input, 'clockSkewSeconds', 0, 300),
    jobTimeoutMs: integer(input, 'jobTimeoutMs', 1),
    maxSockets: integer(input, 'maxSockets', 1),
    rateLimitPerSecond: optionalRate(input.rateLimitPerSecond),
    logger,
  });
}

function fail(option: keyof EthoraChatModuleOptions, problem: string): never {
  throw new EthoraConfigError(option, (ETHORA_CHAT_ENV_VARS as Record<string, string>)[option], problem);
}

function requireString(input: Partial<EthoraChatModuleOptions>, option: 'appId' | 'appSecret' | 'apiUrl', hint: string): string {
  const value = input[option];
  if (value === undefined || value === null || value === '') fail(option, `is missing. ${hint}`);
  if (typeof value !== 'string' || !value.trim()) fail(option, `must be a non-empty string. ${hint}`);
  return value.trim();
}

function optionalString(input: Partial<EthoraChatModuleOptions>, option: 'chatbotJid' | 'xmppHost'): string | undefined {
  const value = input[option];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !value.trim()) fail(option, 'must be a non-empty string when set.');
  return value.trim();
}

function parseApiUrl(value: unknown): URL {
  const raw = requireString({ apiUrl: value as string }, 'apiUrl', 'Set it to the Ethora API origin, e.g. https://api.chat.ethora.com.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail('apiUrl', 'is not a valid URL; use an absolute http(s) origin such as https://api.chat.ethora.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('apiUrl', 'must use https (or http on localhost).');
  // Credentials in the URL would end up in logs and errors; the secret belongs in appSecret.
  if (url.username || url.password) fail('apiUrl', 'must not contain a user name or password.');
  if (url.search || url.hash) fail('apiUrl', 'must not contain a query or fragment.');
  return url;
}

function optionalRate(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail('rateLimitPerSecond', 'must be a positive number when set.');
  return value;
}

type NumericOption = {
  [K in keyof typeof ETHORA_CHAT_DEFAULTS]: (typeof ETHORA_CHAT_DEFAULTS)[K] extends number ? K : never;
}[keyof typeof ETHORA_CHAT_DEFAULTS];

function integer(input: Partial<EthoraChatModuleOptions>, option: NumericOption, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = input[option] ?? ETHORA_CHAT_DEFAULTS[option];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(option, `must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}.`);
  }
  return value;
}
