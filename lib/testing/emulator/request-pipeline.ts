import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { TokenVerifier, VerifiedToken } from './emulator-auth.js';
import type { AppRecord } from './emulator-records.js';
import type { FaultAction, FaultInjector } from './fault-injector.js';
import { EmulatorHttpError, notFound } from './http-error.js';
import { errorAnswer, errorBody, faultCode, parseJsonBody, readBody, reasonPhrase, send } from './http-io.js';
import { redactHeaders, redactLoggedBody, type RecordedRequest, type RequestLog } from './request-log.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RequestStats } from './request-stats.js';
import type { RouteMatch, Router } from './router.js';
import type { EmulatorServices } from './route-types.js';

/** What the pipeline needs from the emulator. @internal */
export interface PipelineDeps {
  router: Router;
  verifier: TokenVerifier;
  faults: FaultInjector;
  log: RequestLog;
  services: EmulatorServices;
  maxBodyBytes: number;
  primaryApp(): AppRecord;
  nextRequestId(): string;
  /** Resolves true after `ms`, or false as soon as the emulator stops. */
  wait(ms: number): Promise<boolean>;
  /** Responses left unanswered by a `hang` fault, ended by `stop()`. */
  hanging: Set<ServerResponse>;
  /** The per-app token bucket, when a rate limit is set. */
  limiter: RateLimiter | undefined;
  stats: RequestStats;
}

/** Bodies larger than this are logged as their size only: the log is for reading requests, not storing uploads. */
const LOGGED_BODY_MAX_BYTES = 64 * 1024;

/**
 * Handles one request: read body → route → faults and latency → parse → auth → handler → log.
 * A `before` fault short-circuits before anything touches state; an `after` fault replaces the answer.
 * @internal
 */
export async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const requestId = deps.nextRequestId();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  const entry: RecordedRequest = {
    requestId,
    method,
    path,
    query: Object.fromEntries(query),
    body: undefined,
    status: 'pending',
    headers: redactHeaders(req.headers),
    startedAt: Date.now(),
    durationMs: 0,
  };
  deps.log.push(entry);
  deps.stats.count();
  const finish = (status: RecordedRequest['status']): void => {
    entry.status = status;
    entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
  };

  let raw;
  try {
    raw = await readBody(req, deps.maxBodyBytes);
  } catch {
    finish('reset'); // the client went away
    return;
  }
  const parsed = parseJsonBody(raw, req.headers['content-type']);
  const size = raw.tooLarge ? 0 : raw.buffer.length;
  entry.body = size > LOGGED_BODY_MAX_BYTES ? `[${size} bytes, not kept]` : redactLoggedBody(parsed.logged);
  deps.log.charge(entry, Math.min(size, LOGGED_BODY_MAX_BYTES));

  let match: RouteMatch | undefined;
  let routeError: unknown;
  try {
    match = deps.router.match(method, path);
  } catch (err) {
    routeError = err;
  }
  entry.route = match?.route.path;

  const fault = deps.faults.decide(method, path, entry.route);
  if (fault.action) entry.faultRuleId = fault.ruleId;
  const delay = deps.services.behaviour.latencyMs + fault.delayMs;
  if (delay > 0 && !(await deps.wait(delay))) return finish('reset');
  if (fault.action && fault.phase === 'before') return applyFault(deps, fault.action, req, res, requestId, finish);

  let answer: Answer;
  try {
    if (routeError) throw routeError;
    if (!match) throw notFound('ROUTE_NOT_FOUND', `no route ${method} ${path}`);
    if (parsed.error) throw parsed.error;
    answer = dispatch(deps, match, req, query, parsed.value, entry);
  } catch (err) {
    answer = errorAnswer(err, requestId);
  }
  if (fault.action) return applyFault(deps, fault.action, req, res, requestId, finish);
  send(res, answer.status, answer.body, requestId, answer.headers);
  finish(answer.status);
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function dispatch(
  deps: PipelineDeps,
  match: RouteMatch,
  req: IncomingMessage,
  query: URLSearchParams,
  body: unknown,
  entry: RecordedRequest,
): Answer {
  const { route, params } = match;
  let auth: VerifiedToken | undefined;
  let app: AppRecord;
  let headers: Record<string, string> | undefined;
  if (route.auth === 'none') app = deps.primaryApp();
  else {
    try {
      auth = deps.verifier.authenticate(req.headers, route.auth);
    } catch (err) {
      if (err instanceof EmulatorHttpError) entry.authError = err.code;
      throw err;
    }
    const { type, appId, keyMode, tokenId, payload, bothHeaders } = auth;
    entry.auth = { type, appId, keyMode, payload, bothHeaders, ...(tokenId ? { tokenId } : {}) };
    deps.stats.count(appId);
    headers = rateLimit(deps, appId);
    app = resolveTargetApp(deps, auth, params.appId);
  }
  const result = route.handler({ method: route.method, params, query, body, auth, app, services: deps.services });
  return { status: result.status ?? 200, body: result.body, headers };
}

/** Takes a token from the app's bucket; throws the 429 when it is empty. */
function rateLimit(deps: PipelineDeps, appId: string): Record<string, string> | undefined {
  if (!deps.limiter) return undefined;
  const decision = deps.limiter.take(appId);
  if (decision.allowed) return decision.headers;
  deps.stats.rateLimited();
  throw new EmulatorHttpError(429, 'RATE_LIMITED', 'Too many requests', undefined, false, decision.headers);
}

/**
 * The app a request acts on. Decision (the wire contract is silent on cross-app calls): a server
 * token of app A may act on `/v2/apps/{B}/...` only when B is A or B was created by A through
 * `POST /v2/apps` (direct children only, not grandchildren); any other existing app → 403
 * FORBIDDEN; an unknown B → 404 APP_NOT_FOUND.
 */
function resolveTargetApp(deps: PipelineDeps, auth: VerifiedToken, pathAppId: string | undefined): AppRecord {
  const own = deps.services.store.apps.get(auth.appId) as AppRecord;
  if (pathAppId === undefined || pathAppId === own.appId) return own;
  const target = deps.services.store.apps.get(pathAppId);
  if (!target) throw notFound('APP_NOT_FOUND', 'App not found');
  if (target.parentAppId === own.appId) return target;
  throw new EmulatorHttpError(403, 'FORBIDDEN', 'Forbidden', { reason: `this token cannot act on app ${pathAppId}` });
}

function applyFault(
  deps: PipelineDeps,
  action: FaultAction,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  finish: (status: RecordedRequest['status']) => void,
): void {
  if (action.kind === 'reset') {
    // An RST, not a FIN, so the client sees ECONNRESET.
    req.socket.resetAndDestroy();
    return finish('reset');
  }
  if (action.kind === 'hang') {
    deps.hanging.add(res);
    res.on('close', () => deps.hanging.delete(res));
    return finish('hang');
  }
  const headers: Record<string, string> = {};
  if (action.retryAfter !== undefined) headers['retry-after'] = String(action.retryAfter);
  const body =
    action.body === 'string'
      ? reasonPhrase(action.status)
      : errorBody(faultCode(action.status), `${reasonPhrase(action.status)} (injected by the emulator)`, requestId);
  send(res, action.status, body, requestId, headers);
  finish(action.status);
}
