import type { LoggerService } from '@nestjs/common';
import type { SigningMode } from '../contract/signing-mode.js';
import type { SecretValue } from './secret-value.js';

/**
 * The module's options after validation, normalisation and defaults: what every provider reads.
 * @internal
 */
export interface ResolvedEthoraChatOptions {
  /** Origin without a trailing `/` or `/v1`, e.g. `https://api.chat.ethora.com`. */
  readonly apiUrl: string;
  readonly appId: string;
  /** At least one of `appSecret` and `appToken` is set. */
  readonly appSecret?: SecretValue;
  readonly appToken?: SecretValue;
  readonly chatbotJid?: string;
  readonly xmppHost: string;
  readonly signingMode: SigningMode;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly serverTokenTtlSeconds: number;
  readonly clientTokenTtlSeconds: number;
  readonly clockSkewSeconds: number;
  readonly jobTimeoutMs: number;
  readonly maxSockets: number;
  readonly maxResponseBytes: number;
  readonly logRequestBodies: boolean;
  readonly httpClientSpans: boolean;
  /** `undefined`: no ceiling. */
  readonly rateLimitPerSecond?: number;
  /** `undefined` when logging is off. */
  readonly logger?: LoggerService;
}
