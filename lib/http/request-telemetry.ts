import type { AxiosResponse } from 'axios';
import { isAxiosError } from 'axios';
import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';
import { sendInClientSpan } from '../observability/client-span.js';
import { activeEthoraSpan } from '../observability/ethora-spans.js';
import { recordRequest, recordRetry } from '../observability/ethora-metrics.js';
import { ATTR, definedAttributes } from '../observability/span-attributes.js';
import type { EthoraRoute } from './ethora-routes.js';
import { RateLimitTracker } from './rate-limit-state.js';
import { errorCodeOf } from '../errors/ethora-error.js';

/** One attempt as the HTTP client sends it. @internal */
export interface AttemptInfo {
  route: EthoraRoute;
  path: string;
  attempt: number;
  requestId: string;
  headers: Record<string, string>;
}

/**
 * The HTTP client's observability: CLIENT spans (when asked), retry events on the active span, request metrics and
 * the last known rate-limit state. One per client; everything it does per request is cheap without an SDK.
 * @internal
 */
export class EthoraRequestTelemetry {
  private readonly rateLimits = new RateLimitTracker();
  private readonly server: URL;

  constructor(
    apiUrl: string,
    private readonly clientSpans: boolean,
  ) {
    this.server = new URL(apiUrl);
  }

  /** The last rate-limit state Ethora sent, if any. */
  get rateLimitState(): EthoraRateLimitState | undefined {
    return this.rateLimits.state;
  }

  /** Sends one attempt (in a CLIENT span when `httpClientSpans` is on) and records its answer. */
  async attempt<R extends AxiosResponse>(info: AttemptInfo, send: () => Promise<R>): Promise<R> {
    const started = performance.now();
    try {
      const response = await (this.clientSpans ? sendInClientSpan(this.clientAttempt(info), send) : send());
      this.rateLimits.record(response.headers, response.status);
      recordRequest(info.route.method, info.route.path, response.status, undefined, performance.now() - started);
      return response;
    } catch (error) {
      const response = isAxiosError(error) ? error.response : undefined;
      if (response) this.rateLimits.record(response.headers, response.status);
      const errorType = response ? undefined : errorCodeOf(error);
      recordRequest(info.route.method, info.route.path, response?.status, errorType, performance.now() - started);
      throw error;
    }
  }

  /** A retry: an event on the active span with the reason (the error's `code`) and the wait, and a metric. */
  retrying(route: EthoraRoute, error: { code: string; status?: number; requestId?: string }, attempt: number, delayMs: number): void {
    activeEthoraSpan()?.addEvent(
      'ethora.retry',
      definedAttributes({
        [ATTR.attempt]: attempt,
        [ATTR.retryReason]: error.code,
        [ATTR.retryDelayMs]: delayMs,
        [ATTR.httpStatus]: error.status,
        [ATTR.requestId]: error.requestId,
      }),
    );
    recordRetry(route.method, route.path, error.code);
  }

  private clientAttempt(info: AttemptInfo) {
    const { server } = this;
    return {
      method: info.route.method,
      template: info.route.path,
      url: `${server.origin}${server.pathname.replace(/\/$/, '')}${info.path}`,
      serverAddress: server.hostname,
      serverPort: Number(server.port) || (server.protocol === 'https:' ? 443 : 80),
      attempt: info.attempt,
      requestId: info.requestId,
      headers: info.headers,
    };
  }
}
