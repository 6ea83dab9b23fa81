import { setMaxListeners } from 'node:events';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AxiosRequestConfig } from 'axios';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { createApiError } from '../errors/create-api-error.js';
import type { EthoraApiErrorCode } from '../errors/ethora-api.error.js';
import { EthoraConnectionError } from '../errors/ethora-connection.error.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraTokenService } from '../tokens/ethora-token.service.js';
import { buildPath, type EthoraRoute } from './ethora-routes.js';
import { RateLimiter } from './rate-limiter.js';
import { decideRetry } from './retry-policy.js';
import { redactBody } from './redact.js';

/** One call: path params, JSON body and query string. */
export interface EthoraRequest {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** A path the server gave us (a job's `statusUrl`), used instead of the route's template. */
  pathOverride?: string;
  /** Failures the caller turns into a result (e.g. `not_found` on a delete): logged at debug, not as errors. */
  handled?: readonly EthoraApiErrorCode[];
}

/**
 * The one place requests are sent: auth headers, keep-alive, timeouts, retries with backoff,
 * logging and error mapping. Answers come back as the server sent them (`response.data`), untouched.
 */
@Injectable()
export class EthoraHttpClient implements OnApplicationShutdown {
  private readonly log: EthoraLog;
  private readonly shutdown = new AbortController();
  // Built once: per-request work is only the headers (the cached token) and the path.
  private readonly baseConfig: AxiosRequestConfig;
  /** Paces every attempt (`rateLimitPerSecond`) and slows down on 429s. */
  readonly limiter: RateLimiter;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly http: HttpService,
    private readonly tokens: EthoraTokenService,
  ) {
    this.log = new EthoraLog(options.logger);
    this.limiter = new RateLimiter(options.rateLimitPerSecond);
    // Every call in flight listens on this one signal; more than 10 at once is normal, not a leak.
    setMaxListeners(0, this.shutdown.signal);
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
    this.baseConfig = {
      baseURL: options.apiUrl,
      timeout: options.timeoutMs,
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
      // Ethora does not redirect; following one could carry the token to another host.
      maxRedirects: 0,
      signal: this.shutdown.signal,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    };
  }

  /**
   * Sends `route` and resolves to the answer's body. Retries transient failures of retry-safe routes.
   * @throws EthoraApiError (a subclass per status) once retries are spent.
   */
  async send<T>(route: EthoraRoute, request: EthoraRequest = {}): Promise<T> {
    const path = request.pathOverride ?? buildPath(route.path, request.params);
    for (let attempt = 1; ; attempt++) {
      if (this.shutdown.signal.aborted) throw this.closedError(route.method, path, attempt - 1);
      await this.limiter.acquire(this.shutdown.signal).catch(() => undefined);
      if (this.shutdown.signal.aborted) throw this.closedError(route.method, path, attempt - 1);
      const started = performance.now();
      try {
        // axiosRef, not HttpService.request(): its Observable wrapper adds a CancelToken per call and cancels it
        // after every answer (building a CanceledError each time); the shutdown signal already covers cancelling.
        const response = await this.http.axiosRef.request<T>(this.config(route, path, request));
        this.limiter.onSuccess();
        this.log.debug(() => `${route.method} ${path} -> ${response.status} in ${elapsed(started)}ms (attempt ${attempt})`);
        return response.data;
      } catch (error) {
        if (this.shutdown.signal.aborted) throw this.closedError(route.method, path, attempt);
        const decision = decideRetry(error, attempt, route.retrySafe, this.options);
        const apiError = createApiError(error, { method: route.method, path, attempts: attempt, retryAfterMs: decision.retryAfterMs });
        if (apiError.code === 'rate_limited') this.limiter.onThrottled(decision.retryAfterMs);
        if (!decision.retry) {
          if (request.handled?.includes(apiError.code)) this.log.debug(() => `${apiError.message} (handled as ${apiError.code})`);
          else this.log.error(apiError.message);
          throw apiError;
        }
        this.log.warn(
          `${apiError.message} (attempt ${attempt}/${this.options.maxRetries + 1} in ${elapsed(started)}ms); retrying in ${decision.delayMs}ms`,
        );
        await sleep(decision.delayMs, undefined, { signal: this.shutdown.signal }).catch(() => undefined);
      }
    }
  }

  /** Aborted when the application shuts down, so waits between calls (job polls) end with it. */
  get closing(): AbortSignal {
    return this.shutdown.signal;
  }

  /** Aborts calls still in flight (they reject with a clear `EthoraConnectionError`) and closes keep-alive sockets. */
  onApplicationShutdown(): void {
    this.shutdown.abort();
    (this.baseConfig.httpAgent as HttpAgent).destroy();
    (this.baseConfig.httpsAgent as HttpsAgent).destroy();
  }

  private config(route: EthoraRoute, path: string, request: EthoraRequest): AxiosRequestConfig {
    const token = this.tokens.getServerToken();
    if (request.body !== undefined) {
      this.log.verbose(() => `${route.method} ${path} body ${JSON.stringify(redactBody(request.body))}`);
    }
    return {
      ...this.baseConfig,
      method: route.method,
      url: path,
      data: request.body,
      params: request.query,
      headers: { Authorization: `Bearer ${token}`, 'x-custom-token': token },
    };
  }

  private closedError(method: string, path: string, attempts: number): EthoraConnectionError {
    return new EthoraConnectionError({
      message: `Ethora ${method} ${path} was cancelled: the Nest application is shutting down`,
      method,
      path,
      attempts,
    });
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
