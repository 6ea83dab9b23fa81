import { setMaxListeners } from 'node:events';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AxiosError, isAxiosError, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { createApiError, unexpectedResponseError, type FailedCall } from '../errors/create-api-error.js';
import type { EthoraApiErrorCode } from '../errors/ethora-api.error.js';
import { EthoraConnectionError } from '../errors/ethora-connection.error.js';
import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';
import { EthoraLog } from '../logging/ethora-log.js';
import { openTelemetryLoaded } from '../observability/open-telemetry.js';
import { ETHORA_REQUEST_ID_HEADER, requestIdForCall } from '../observability/request-id.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraCredentials } from '../credentials/ethora-credentials.js';
import { answerProblem } from './answer-shapes.js';
import { buildPath, type EthoraRoute } from './ethora-routes.js';
import { RateLimiter } from './rate-limiter.js';
import { rateLimitOfRefusal } from './rate-limit-state.js';
import { EthoraRequestTelemetry } from './request-telemetry.js';
import { decideRetry } from './retry-policy.js';
import { redactForLog } from './redact.js';
import { headerText } from '../errors/axios-answers.js';

/** One call: path params, JSON body and query string. */
export interface EthoraRequest {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** A path the server gave us (a job's `statusUrl`), used instead of the route's template. */
  pathOverride?: string;
  /** Failures the caller turns into a result (e.g. `not_found` on a delete): logged at debug, not as errors. */
  handled?: readonly EthoraApiErrorCode[];
  /** Ends the call early (a job wait's deadline): it rejects with `EthoraConnectionError` saying it was cancelled. */
  signal?: AbortSignal;
}

// Why an attempt's own controller aborted.
const DEADLINE = Symbol('deadline');
const CLOSING = Symbol('closing');
const CANCELLED = Symbol('cancelled');

/**
 * The one place requests are sent: auth headers, keep-alive, one deadline per attempt (connect, headers and
 * body), a cap on answer bodies, retries with backoff, answer-shape checks, correlation ids, logging, error
 * mapping and the observability hooks (CLIENT spans when asked, retry events, metrics, rate-limit state).
 * Answers come back as the server sent them (`response.data`). The agents (whose sockets hold the request
 * headers) and the request config live in private fields, so `util.inspect` of any service shows no token.
 */
@Injectable()
export class EthoraHttpClient implements OnModuleInit, OnApplicationShutdown {
  readonly #log: EthoraLog;
  // Observability hook: rate-limit state, CLIENT spans, retry events and metrics.
  readonly #telemetry: EthoraRequestTelemetry;
  readonly #shutdown = new AbortController();
  // Built once: per-request work is only the headers (the cached token) and the path.
  readonly #baseConfig: AxiosRequestConfig;
  readonly #agents: { http: HttpAgent; https: HttpsAgent };
  readonly #options: ResolvedEthoraChatOptions;
  readonly #http: HttpService;
  readonly #credentials: EthoraCredentials;
  /** Paces every attempt (`rateLimitPerSecond`) and slows down on 429s. */
  readonly #limiter: RateLimiter;

  constructor(@Inject(ETHORA_CHAT_RESOLVED_OPTIONS) options: ResolvedEthoraChatOptions, http: HttpService, credentials: EthoraCredentials) {
    this.#options = options;
    this.#http = http;
    this.#credentials = credentials;
    this.#log = new EthoraLog(options.logger);
    this.#telemetry = new EthoraRequestTelemetry(options.apiUrl, options.httpClientSpans);
    this.#limiter = new RateLimiter(options.rateLimitPerSecond);
    // Every call in flight listens on this one signal; more than 10 at once is normal, not a leak.
    setMaxListeners(0, this.#shutdown.signal);
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
    this.#agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
    this.#baseConfig = {
      baseURL: options.apiUrl,
      httpAgent: this.#agents.http,
      httpsAgent: this.#agents.https,
      // Counted after decompression by axios, so a gzip bomb stops at the cap too.
      maxContentLength: options.maxResponseBytes,
      // Ethora does not redirect; following one could carry the token to another host.
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    };
    this.#log.log(`Using Ethora at ${options.apiUrl} for app ${options.appId}`);
  }

  /**
   * Sends `route` and resolves to the answer's body, once it has the shape the route promises. Retries
   * transient failures of retry-safe routes; after a 401 it mints a fresh server token and tries once more.
   * @throws EthoraApiError (a subclass per status, `EthoraUnexpectedResponseError` for a 2xx of the wrong shape).
   */
  async send<T>(route: EthoraRoute, request: EthoraRequest = {}): Promise<T> {
    const path = request.pathOverride ?? buildPath(route.path, request.params);
    let tokenRenewed = false;
    // One correlation id per request, shared by its attempts: the caller's (runWithEthoraRequestId) or a fresh one.
    const requestId = requestIdForCall();
    for (let attempt = 1; ; attempt++) {
      if (this.#shutdown.signal.aborted) throw this.cancelledError(route.method, path, attempt - 1, requestId, 'the Nest application is shutting down');
      await this.pace(route.method, path, attempt - 1, requestId, request.signal);
      // Outside the try: a missing credential is a config error, not a failed request.
      const credentialHeaders = this.#credentials.headersFor(route);
      const token = credentialHeaders['x-custom-token'];
      // A fresh object per attempt: a CLIENT span injects its trace context into it.
      const headers: Record<string, string> = { ...credentialHeaders, [ETHORA_REQUEST_ID_HEADER]: requestId };
      const started = performance.now();
      // Only failures need it: built then, not per call.
      const call = (): FailedCall => ({ method: route.method, path, attempts: attempt, origin: this.#options.apiUrl, secrets: [token], requestId });
      let response: AxiosResponse<T>;
      try {
        const config = this.config(route, path, request, headers);
        response = await this.#telemetry.attempt({ route, path, attempt, requestId, headers }, () => this.attempt<T>(config, request.signal));
      } catch (error) {
        if (error === CLOSING) throw this.cancelledError(route.method, path, attempt, requestId, 'the Nest application is shutting down');
        if (error === CANCELLED) throw this.cancelledError(route.method, path, attempt, requestId, 'its caller stopped waiting');
        // Expired or refused server token (e.g. clock skew): forget it, mint a new one, try once more.
        if (!tokenRenewed && isAxiosError(error) && error.response?.status === 401 && this.#credentials.renew(route, token, headerText(error.response.headers, 'date'))) {
          tokenRenewed = true;
          this.#log.warn(`Ethora ${route.method} ${path} answered 401; retrying once with a new server token (requestId ${requestId})`);
          this.#telemetry.retrying(route, { code: 'authentication_failed', status: 401, requestId }, attempt, 0);
          continue;
        }
        const decision = decideRetry(error, attempt, route.retrySafe, this.#options);
        const apiError = createApiError(error, { ...call(), retryAfterMs: decision.retryAfterMs, rateLimit: rateLimitOfRefusal(error) });
        if (apiError.code === 'rate_limited') this.#limiter.onThrottled(decision.retryAfterMs);
        if (!decision.retry) {
          if (request.handled?.includes(apiError.code)) this.#log.debug(() => `${apiError.message} (handled as ${apiError.code})`);
          else this.#log.error(apiError.message);
          throw apiError;
        }
        this.#log.warn(
          `${apiError.message} (attempt ${attempt}/${this.#options.maxRetries + 1} in ${elapsed(started)}ms); retrying in ${decision.delayMs}ms`,
        );
        this.#telemetry.retrying(route, apiError, attempt, decision.delayMs);
        await sleep(decision.delayMs, undefined, { signal: this.#shutdown.signal }).catch(() => undefined);
        continue;
      }
      this.#limiter.onSuccess();
      this.#log.debug(() => `${route.method} ${path} -> ${response.status} in ${elapsed(started)}ms (attempt ${attempt}) requestId ${requestId}`);
      const problem = answerProblem(route.answer, response.data);
      if (problem === undefined) return response.data;
      const apiError = unexpectedResponseError(response, problem, call());
      this.#log.error(apiError.message);
      throw apiError;
    }
  }

  /** The last rate-limit state Ethora sent (`x-ratelimit-*`, `Retry-After`), if it ever sent one. */
  get rateLimitState(): EthoraRateLimitState | undefined {
    return this.#telemetry.rateLimitState;
  }

  /** Waits for the optional `@opentelemetry/api` to load (or to be found missing) before the first call. */
  async onModuleInit(): Promise<void> {
    await openTelemetryLoaded;
  }

  /** Aborted when the application shuts down, so waits between calls (job polls) end with it. */
  get closing(): AbortSignal {
    return this.#shutdown.signal;
  }

  /** Aborts calls still in flight (they reject with a clear `EthoraConnectionError`) and closes keep-alive sockets. */
  onApplicationShutdown(): void {
    this.#shutdown.abort();
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /** Waits for this attempt's turn under `rateLimitPerSecond`; shutdown and the caller's signal end the wait. */
  private async pace(method: string, path: string, attempts: number, requestId: string, callerSignal: AbortSignal | undefined): Promise<void> {
    if (!this.#limiter.active) return;
    const signal = callerSignal ? AbortSignal.any([this.#shutdown.signal, callerSignal]) : this.#shutdown.signal;
    await this.#limiter.acquire(signal).catch(() => undefined);
    if (this.#shutdown.signal.aborted) throw this.cancelledError(method, path, attempts, requestId, 'the Nest application is shutting down');
    if (callerSignal?.aborted) throw this.cancelledError(method, path, attempts, requestId, 'its caller stopped waiting');
  }

  /**
   * One attempt under one deadline (`timeoutMs`) covering connect, headers and the whole body: axios' own
   * timeout is a socket idle timer, which a body trickled a byte at a time never trips. Rejects with the
   * axios error, an `ETIMEDOUT` AxiosError at the deadline, or `CLOSING` / `CANCELLED`.
   */
  private async attempt<T>(config: AxiosRequestConfig, callerSignal: AbortSignal | undefined): Promise<AxiosResponse<T>> {
    const controller = new AbortController();
    const closing = this.#shutdown.signal;
    const onClose = () => controller.abort(CLOSING);
    const onCancel = () => controller.abort(CANCELLED);
    if (closing.aborted) throw CLOSING;
    if (callerSignal?.aborted) throw CANCELLED;
    closing.addEventListener('abort', onClose);
    callerSignal?.addEventListener('abort', onCancel);
    const timer = setTimeout(() => controller.abort(DEADLINE), this.#options.timeoutMs);
    try {
      // axiosRef, not HttpService.request(): its Observable wrapper adds a CancelToken per call and cancels it
      // after every answer (building a CanceledError each time); our own signal already covers cancelling.
      return await this.#http.axiosRef.request<T>({ ...config, signal: controller.signal });
    } catch (error) {
      const why = controller.signal.reason as unknown;
      if (why === DEADLINE) throw new AxiosError(`timeout of ${this.#options.timeoutMs}ms exceeded`, 'ETIMEDOUT');
      if (why === CLOSING || why === CANCELLED) throw why;
      throw error;
    } finally {
      clearTimeout(timer);
      closing.removeEventListener('abort', onClose);
      callerSignal?.removeEventListener('abort', onCancel);
    }
  }

  private config(route: EthoraRoute, path: string, request: EthoraRequest, headers: Record<string, string>): AxiosRequestConfig {
    if (request.body !== undefined && this.#options.logRequestBodies) {
      this.#log.verbose(() => `${route.method} ${path} body ${JSON.stringify(redactForLog(request.body))}`);
    }
    return {
      ...this.#baseConfig,
      method: route.method,
      url: path,
      data: request.body,
      params: request.query,
      headers,
    };
  }

  private cancelledError(method: string, path: string, attempts: number, requestId: string, why: string): EthoraConnectionError {
    return new EthoraConnectionError({
      message: `Ethora ${method} ${path} was cancelled: ${why} (requestId ${requestId})`,
      method,
      path,
      attempts,
      requestId,
    });
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
