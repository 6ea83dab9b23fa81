import type { LoggerService } from '@nestjs/common';
import type { SigningMode } from '../contract/signing-mode.js';

/**
 * Options of `EthoraChatModule`. `apiUrl`, `appId` and at least one of `appSecret` / `appToken` are required;
 * each can also come from its `ETHORA_CHAT_*` env var when `forRoot()` is used (see the README's options table).
 */
export interface EthoraChatModuleOptions {
  /** API origin without version, e.g. `https://api.chat.ethora.com`. A trailing `/` or `/v1` is stripped. Env: `ETHORA_CHAT_API_URL`. */
  apiUrl: string;
  /** Ethora app id: 24 hex characters. Env: `ETHORA_CHAT_APP_ID`. */
  appId: string;
  /**
   * Ethora app secret. Signs the server JWT of every call and the client tokens; never logged, never sent.
   * Needed by `createChatUserJwtToken`. Env: `ETHORA_CHAT_APP_SECRET`.
   */
  appSecret?: string;
  /**
   * The app's B2B app token (e.g. `JWT eyJ...`), sent as given in `Authorization` and `x-custom-token`. Needed by
   * `sendMessage` and `getRoomHistory`; used for every call when there is no `appSecret`. Env: `ETHORA_CHAT_APP_TOKEN`.
   */
  appToken?: string;
  /** The chatbot user (a JID or its local part) that `grantChatbotAccessToChatRoom` adds. Env: `ETHORA_CHAT_BOT_JID`. */
  chatbotJid?: string;
  /** XMPP host for room JIDs. Default: the API host with a leading `api.` replaced by `xmpp.`. Env: `ETHORA_CHAT_XMPP_HOST`. */
  xmppHost?: string;
  /** `scoped` (default) signs with purpose-scoped keys; `legacy` signs with the raw secret. Env: `ETHORA_CHAT_SIGNING_MODE`. */
  signingMode?: SigningMode;
  /**
   * Deadline of one attempt in ms, covering connect, headers and the whole body. Default 10000, range 1–600000.
   * Env: `ETHORA_CHAT_TIMEOUT_MS`.
   */
  timeoutMs?: number;
  /** Retries after the first attempt, for calls that are safe to repeat. Default 2, range 0–10. Env: `ETHORA_CHAT_MAX_RETRIES`. */
  maxRetries?: number;
  /** First backoff delay in ms (doubled per retry, with jitter). Default 500, range 0–60000. */
  retryBaseDelayMs?: number;
  /**
   * Cap of one wait between attempts in ms. A server's longer `Retry-After` is not waited out (the call rejects
   * with `retryAfterMs`), so one call waits at most `maxRetries × retryMaxDelayMs`. Default 5000, range 0–300000.
   */
  retryMaxDelayMs?: number;
  /** Lifetime of the cached server token in seconds. Default 3600, range 60–86400. Env: `ETHORA_CHAT_SERVER_TOKEN_TTL_SECONDS`. */
  serverTokenTtlSeconds?: number;
  /** Default lifetime of client tokens in seconds. Default 900 (15 min), range 1–86400 (also the cap of a per-call lifetime). Env: `ETHORA_CHAT_CLIENT_TOKEN_TTL_SECONDS`. */
  clientTokenTtlSeconds?: number;
  /** Seconds `iat` is back-dated, against clock skew between us and Ethora. Default 5, range 0–300. */
  clockSkewSeconds?: number;
  /** Deadline in ms for waiting on async jobs (user batches, broadcasts), polls in flight included. Default 120000, range 1–3600000. */
  jobTimeoutMs?: number;
  /** Most open sockets to Ethora (keep-alive pool size). Default 50, range 1–10000. */
  maxSockets?: number;
  /**
   * Largest answer body in bytes, counted after decompression (a gzip bomb stops here). A bigger one rejects
   * with `EthoraResponseTooLargeError`. Default 10485760 (10 MiB), range 1024–268435456 (256 MiB).
   */
  maxResponseBytes?: number;
  /**
   * Log request bodies at verbose level. Default false. When on, values under secret-looking keys (token, secret,
   * password, pwd, key, auth, ...) and personal data (email, names, phone) are replaced by `[redacted]`.
   */
  logRequestBodies?: boolean;
  /**
   * Emit one OpenTelemetry CLIENT span per HTTP attempt (stable HTTP semantic conventions) and inject the trace
   * context into requests. Default false: leave it off when the app runs `@opentelemetry/instrumentation-http`,
   * which makes those spans already. Needs `@opentelemetry/api` and a registered SDK; otherwise it does nothing.
   */
  httpClientSpans?: boolean;
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
