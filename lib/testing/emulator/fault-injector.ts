import { SeededRandom } from './seeded-random.js';

/**
 * One fault rule. A rule matches on `method` and `path`, fires with `probability` (seeded RNG),
 * and expires after `times` firings. Latency-only rules compose; the first terminal rule
 * (`status`, `reset` or `hang`) that fires decides the outcome.
 */
export interface FaultRule {
  /** HTTP method, case-insensitive; any when omitted. */
  method?: string;
  /**
   * Matched against the request path without query. A string matches the raw path
   * (`'/v2/chats/users-access'`) or the route template (`'/v2/apps/:appId/users/batch/:jobId'`);
   * a RegExp is tested against the raw path. Any path when omitted.
   */
  path?: string | RegExp;
  /** Chance in [0, 1] that a matching request is faulted. Default 1. */
  probability?: number;
  /** Fire on the next N matching requests only, then the rule expires. Default: forever. */
  times?: number;
  /** Extra delay before the request is handled. */
  latencyMs?: number;
  /** Adds a seeded random delay in [0, jitterMs). */
  jitterMs?: number;
  /** Answer with this status (e.g. 429, 500, 502, 503, 504) instead of handling the request. */
  status?: number;
  /** `Retry-After` header: seconds, or an HTTP-date string. */
  retryAfter?: number | string;
  /** Body shape of a status fault: JSON `{ code, message, requestId }` (default) or plain text. */
  body?: 'string' | 'json';
  /** Destroy the socket: the client sees ECONNRESET / "socket hang up". */
  reset?: boolean;
  /** Never answer; the socket is destroyed by `stop()`. */
  hang?: boolean;
  /**
   * `'before'` (default): the fault replaces the handling; state is untouched.
   * `'after'`: the request is handled (state changes) and then the answer is replaced or lost,
   * which is how a retried create learns about "exists".
   */
  phase?: 'before' | 'after';
}

/** A handle on an added rule. */
export interface FaultHandle {
  readonly id: number;
  /** How many times the rule fired. */
  readonly hits: number;
  /** Firings left, or undefined when unlimited. */
  readonly remaining: number | undefined;
  /** False once the rule expired or was removed. */
  readonly active: boolean;
  remove(): void;
}

/** What the injector decided for one request. @internal */
export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: number | string; body: 'string' | 'json' }
  | { kind: 'reset' }
  | { kind: 'hang' };

/** @internal */
export interface FaultDecision {
  delayMs: number;
  action?: FaultAction;
  phase: 'before' | 'after';
  ruleId?: number;
}

interface ActiveRule {
  id: number;
  rule: FaultRule;
  method?: string;
  hits: number;
  remaining: number | undefined;
  active: boolean;
}

/** Holds fault rules and decides, deterministically for a seed, which requests they hit. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  private readonly random: SeededRandom;

  /** @internal */
  constructor(private seed: number) {
    this.random = new SeededRandom(seed);
  }

  /** Adds a rule at the end of the list. Throws TypeError on an invalid rule. */
  add(rule: FaultRule): FaultHandle {
    validateRule(rule);
    const active: ActiveRule = {
      id: this.nextId++,
      rule,
      method: rule.method?.toUpperCase(),
      hits: 0,
      remaining: rule.times,
      active: true,
    };
    this.rules.push(active);
    const remove = (): void => this.remove(active);
    return {
      id: active.id,
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.remaining;
      },
      get active() {
        return active.active;
      },
      remove,
    };
  }

  /** Removes every rule. */
  clear(): void {
    for (const rule of this.rules) rule.active = false;
    this.rules = [];
  }

  /** Number of live rules. */
  get size(): number {
    return this.rules.length;
  }

  /** Clears the rules and restarts the RNG from the seed. @internal */
  reset(seed = this.seed): void {
    this.seed = seed;
    this.clear();
    this.random.reseed(seed);
  }

  /** Decides the fault for one request. @internal */
  decide(method: string, path: string, routeTemplate: string | undefined): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, phase: 'before' };
    if (this.rules.length === 0) return decision;
    for (const active of [...this.rules]) {
      const { rule } = active;
      if (active.method && active.method !== method) continue;
      if (!pathMatches(rule.path, path, routeTemplate)) continue;
      const terminal = rule.status !== undefined || rule.reset === true || rule.hang === true;
      // Once a terminal rule fired, later terminal rules neither fire nor consume RNG draws.
      if (terminal && decision.action) continue;
      const probability = rule.probability ?? 1;
      if (probability < 1 && this.random.next() >= probability) continue;
      active.hits++;
      if (active.remaining !== undefined && --active.remaining <= 0) this.remove(active);
      decision.delayMs += rule.latencyMs ?? 0;
      if (rule.jitterMs) decision.delayMs += Math.floor(this.random.next() * rule.jitterMs);
      if (!terminal) continue;
      decision.ruleId = active.id;
      decision.phase = rule.phase ?? 'before';
      if (rule.reset) decision.action = { kind: 'reset' };
      else if (rule.hang) decision.action = { kind: 'hang' };
      else decision.action = { kind: 'status', status: rule.status as number, retryAfter: rule.retryAfter, body: rule.body ?? 'json' };
    }
    return decision;
  }

  private remove(active: ActiveRule): void {
    active.active = false;
    this.rules = this.rules.filter((r) => r !== active);
  }
}

function pathMatches(pattern: string | RegExp | undefined, path: string, template: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === 'string') return pattern === path || pattern === template;
  pattern.lastIndex = 0; // a /g or /y RegExp keeps state between tests
  return pattern.test(path);
}

function validateRule(rule: FaultRule): void {
  const p = rule.probability;
  if (p !== undefined && !(p >= 0 && p <= 1)) throw new TypeError('fault probability must be within [0, 1]');
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new TypeError('fault times must be a positive integer');
  }
  for (const key of ['latencyMs', 'jitterMs'] as const) {
    const v = rule[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new TypeError(`fault ${key} must be >= 0`);
  }
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599)) {
    throw new TypeError('fault status must be an HTTP status code');
  }
  const terminals = [rule.status !== undefined, rule.reset === true, rule.hang === true].filter(Boolean).length;
  if (terminals > 1) throw new TypeError('a fault rule takes only one of status, reset, hang');
  if (terminals === 0 && !rule.latencyMs && !rule.jitterMs) {
    throw new TypeError('a fault rule needs status, reset, hang, latencyMs or jitterMs');
  }
}
