import type { IncomingHttpHeaders } from 'node:http';

/** What the emulator learned from a request's JWT. */
export interface RecordedAuth {
  type: 'server' | 'client';
  /** The app the token was signed for (`data.appId`). */
  appId: string;
  /** Which key verified the signature: the purpose-scoped key or the raw secret. */
  keyMode: 'scoped' | 'legacy';
  /** Set when the token was signed with an app token's secret rather than the app secret. */
  tokenId?: string;
  /** The decoded claims (no secret in them). */
  payload: Record<string, unknown>;
  /** True when both `Authorization: Bearer` and `x-custom-token` were sent (they must be equal). */
  bothHeaders: boolean;
}

/** One logged request. Auth headers and `password`/`secret` body fields are replaced by `'[redacted]'`. */
export interface RecordedRequest {
  /** Also sent as the `x-request-id` response header. */
  requestId: string;
  method: string;
  /** Raw path as sent (still percent-encoded), without the query. */
  path: string;
  /** The matched route template, e.g. `/v2/apps/:appId/users/batch/:jobId`. */
  route?: string;
  query: Record<string, string>;
  body: unknown;
  /** HTTP status, `'reset'` / `'hang'` for socket faults, `'pending'` while in flight. */
  status: number | 'reset' | 'hang' | 'pending';
  headers: Record<string, string>;
  auth?: RecordedAuth;
  /** The error code when authentication failed. */
  authError?: string;
  /** Id of the fault rule that decided the outcome, if any. */
  faultRuleId?: number;
  /** Epoch ms when the request arrived. */
  startedAt: number;
  durationMs: number;
}

const REDACTED = '[redacted]';
const SECRET_HEADERS = new Set(['authorization', 'x-custom-token', 'cookie']);

/**
 * A bounded request log. Why bounded: benchmarks send hundreds of thousands of requests.
 * Entries are appended on arrival so the order is the arrival order.
 * @internal
 */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  constructor(private readonly limit: number) {}

  get enabled(): boolean {
    return this.limit > 0;
  }

  push(entry: RecordedRequest): void {
    if (!this.enabled) return;
    this.entries.push(entry);
    // Trim in halves so appends stay amortised O(1).
    if (this.entries.length >= this.limit * 2) this.entries = this.entries.slice(-this.limit);
  }

  list(): RecordedRequest[] {
    return this.entries.length > this.limit ? this.entries.slice(-this.limit) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

/** Copies request headers with the token-bearing ones redacted. @internal */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.has(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
