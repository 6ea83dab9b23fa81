import type { EthoraChatModuleOptions } from './interfaces/ethora-chat-options.interface.js';

/**
 * Validated options with defaults applied (`ResolvedEthoraChatOptions`).
 * @internal
 */
export const ETHORA_CHAT_RESOLVED_OPTIONS = Symbol('ETHORA_CHAT_RESOLVED_OPTIONS');

/**
 * Options read from `ETHORA_CHAT_*` env vars; present only with `forRoot()`, where they fill what the caller left out.
 * @internal
 */
export const ETHORA_CHAT_ENV_OPTIONS = Symbol('ETHORA_CHAT_ENV_OPTIONS');

/** Logger context of every line the library writes. */
export const ETHORA_CHAT_LOGGER_CONTEXT = 'EthoraChat';

/** Defaults of the tuning options; the README's options table mirrors these. */
export const ETHORA_CHAT_DEFAULTS = {
  signingMode: 'scoped',
  timeoutMs: 10_000,
  maxRetries: 2,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 5_000,
  serverTokenTtlSeconds: 3_600,
  clientTokenTtlSeconds: 900,
  clockSkewSeconds: 5,
  jobTimeoutMs: 120_000,
  maxSockets: 50,
  maxResponseBytes: 10 * 1024 * 1024,
  logging: true,
  logRequestBodies: false,
  httpClientSpans: false,
} as const;

/**
 * The accepted range `[min, max]` of every numeric option (README's options table mirrors these). A value
 * outside is refused at boot: a timer above 2^31 - 1 ms fires at once, and an unbounded lifetime or body cap
 * is no cap.
 */
export const ETHORA_CHAT_RANGES = {
  timeoutMs: [1, 600_000],
  maxRetries: [0, 10],
  retryBaseDelayMs: [0, 60_000],
  retryMaxDelayMs: [0, 300_000],
  serverTokenTtlSeconds: [60, 86_400],
  clientTokenTtlSeconds: [1, 86_400],
  clockSkewSeconds: [0, 300],
  jobTimeoutMs: [1, 3_600_000],
  maxSockets: [1, 10_000],
  maxResponseBytes: [1_024, 256 * 1024 * 1024],
} as const satisfies Record<string, readonly [number, number]>;

/** Ethora's per-call limits (ethora-api.md §4). */
export const ETHORA_LIMITS = {
  usersPerBatch: 100,
  membersPerCall: 100,
  usersPerUpdate: 100,
  pageSize: 500,
  historyPageSize: 100,
  nameMinLength: 2,
} as const;

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
