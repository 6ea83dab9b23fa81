import type { LoggerService } from '@nestjs/common';
import type { SigningMode } from '../tokens/signing-key.js';

/**
 * Options of `EthoraChatModule`. Only `apiUrl`, `appId` and `appSecret` are required; each can also
 * come from its `ETHORA_CHAT_*` env var when `forRoot()` is used (see the README's options table).
 */
export interface EthoraChatModuleOptions {
  /** API origin without version, e.g. `https://api.chat.ethora.com`. A trailing `/` or `/v1` is stripped. Env: `ETHORA_CHAT_API_URL`. */
  apiUrl: string;
  /** Ethora app id: 24 hex characters. Env: `ETHORA_CHAT_APP_ID`. */
  appId: string;
  /** Ethora app secret. Signs every JWT; never logged, never sent. Env: `ETHORA_CHAT_APP_SECRET`. */
  appSecret: string;
  /** The chatbot user (a JID or its local part) that `grantChatbotAccessToChatRoom` adds. Env: `ETHORA_CHAT_BOT_JID`. */
  chatbotJid?: string;
  /** XMPP host for room JIDs. Default: the API host with a leading `api.` replaced by `xmpp.`. Env: `ETHORA_CHAT_XMPP_HOST`. */
  xmppHost?: string;
  /** `scoped` (default) signs with purpose-scoped keys; `legacy` signs with the raw secret. Env: `ETHORA_CHAT_SIGNING_MODE`. */
  signingMode?: SigningMode;
  /** Per-attempt HTTP timeout in ms. Default 10000. Env: `ETHORA_CHAT_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** Retries after the first attempt, for calls that are safe to repeat. Default 2. Env: `ETHORA_CHAT_MAX_RETRIES`. */
  maxRetries?: number;
  /** First backoff delay in ms (doubled per retry, with jitter). Default 500. */
  retryBaseDelayMs?: number;
  /** Cap of one backoff delay in ms, also of a server's `Retry-After`. Default 5000. */
  retryMaxDelayMs?: number;
  /** Lifetime of the cached server token in seconds. Default 3600. Env: `ETHORA_CHAT_SERVER_TOKEN_TTL_SECONDS`. */
  serverTokenTtlSeconds?: number;
  /** Default lifetime of client tokens in seconds. Default 900 (15 min). Env: `ETHORA_CHAT_CLIENT_TOKEN_TTL_SECONDS`. */
  clientTokenTtlSeconds?: number;
  /** Seconds `iat` is back-dated, against clock skew between us and Ethora. Default 5. */
  clockSkewSeconds?: number;
  /** Deadline in ms for waiting on async jobs (user batches, broadcasts). Default 120000. */
  jobTimeoutMs?: number;
  /** Most open sockets to Ethora (keep-alive pool size). Default 50. */
  maxSockets?: number;
  /**
   * Most requests per second this process sends to Ethora (every attempt counts, retries and job polls too).
   * A 429 then also slows the pace by 30% and holds every call until its `Retry-After`. Default: no limit.
   * For several instances, share one limit through `nestjs-ethora-chat/bullmq`.
   */
  rateLimitPerSecond?: number;
  /** `false` silences the library's logging. Default true. Env: `ETHORA_CHAT_LOGGING`. */
  logging?: boolean;
  /** A logger to use instead of `new Logger('EthoraChat')`. */
  logger?: LoggerService;
}

/** Extra options of `forRoot` / `forRootAsync` that shape the module itself, not the client. */
export interface EthoraChatModuleExtras {
  /** Register the module globally, so feature modules need not import it. */
  isGlobal?: boolean;
}
