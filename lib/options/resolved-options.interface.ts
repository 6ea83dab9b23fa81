import type { LoggerService } from '@nestjs/common';
import type { SigningMode } from '../tokens/signing-key.js';
import type { SecretValue } from './secret-value.js';

/**
 * The module's options after validation, normalisation and defaults: what every provider reads.
 * @internal
 */
export interface ResolvedEthoraChatOptions {
  /** Origin without a trailing `/` or `/v1`, e.g. `https://api.chat.ethora.com`. */
  readonly apiUrl: string;
  readonly appId: string;
  readonly appSecret: SecretValue;
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
  /** `undefined`: no ceiling. */
  readonly rateLimitPerSecond?: number;
  /** `undefined` when logging is off. */
  readonly logger?: LoggerService;
}
