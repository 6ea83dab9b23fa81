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
  logging: true,
} as const;

/** Ethora's per-call limits (ethora-api.md §4). */
export const ETHORA_LIMITS = {
  usersPerBatch: 100,
  membersPerCall: 100,
  usersPerUpdate: 100,
  pageSize: 500,
  historyPageSize: 100,
  nameMinLength: 2,
} as const;
