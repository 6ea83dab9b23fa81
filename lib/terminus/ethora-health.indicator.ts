import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { EthoraChatService } from '../ethora-chat.service.js';
import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';

/** Default deadline of one health check: long enough for a slow answer, short enough for a probe. */
const DEFAULT_TIMEOUT_MS = 3_000;

function rateLimitDetails(state: EthoraRateLimitState | undefined): { rateLimit?: EthoraRateLimitState } {
  return state ? { rateLimit: state } : {};
}

/** Options of `EthoraHealthIndicator.isHealthy`. */
export interface EthoraHealthCheckOptions {
  /** Report `down` when Ethora has not answered within this many ms. Default 3000. */
  timeoutMs?: number;
  /**
   * Reuse a result for this many ms (Terminus marks it `cachedResponse: true`), so frequent probes from
   * several pods do not each call Ethora. Default: no caching.
   */
  cacheTtlMs?: number;
}

/**
 * A `@nestjs/terminus` health indicator for Ethora: `up` with `latencyMs` when `GET /v1/ping` answers in
 * time, `down` with the error's message (never a token) otherwise. Built on Terminus 12's
 * `HealthIndicatorService`.
 *
 * ```ts
 * @Get('health') @HealthCheck()
 * check() { return this.health.check([() => this.ethora.isHealthy('ethora')]); }
 * ```
 */
@Injectable()
export class EthoraHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly chat: EthoraChatService,
  ) {}

  /** Pings Ethora and reports the result under `key` (default `ethora`). */
  async isHealthy<const Key extends string = 'ethora'>(
    key: Key = 'ethora' as Key,
    options: EthoraHealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const attempt = this.indicators
      .check(key)
      // Rate-limit state is a detail, never a failure on its own.
      .attempt(async () => ({ latencyMs: (await this.chat.ping()).latencyMs, ...rateLimitDetails(this.chat.rateLimitState) }))
      .withTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return options.cacheTtlMs ? attempt.cacheFor(options.cacheTtlMs) : attempt;
  }
}
