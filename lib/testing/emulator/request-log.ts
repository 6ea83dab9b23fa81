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
  /** True when both `Authorization` and `x-custom-token` were sent (`x-custom-token` is the one read). */
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

/** What one entry costs besides its body: the fixed fields and the headers, roughly. */
const ENTRY_OVERHEAD_BYTES = 1_024;

/**
 * A request log bounded by entry count and by bytes. Why bytes too: a count cap alone let large
 * unauthenticated posts fill the heap. Entries are appended on arrival (so the order is the arrival
 * order) and charged for their body once it is read.
 * @internal
 */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private sizes: number[] = [];
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly limit: number,
    private readonly maxBytes: number,
  ) {}

  get enabled(): boolean {
    return this.limit > 0 && this.maxBytes > 0;
  }

  /** Approximate bytes held now. */
  get heldBytes(): number {
    return this.bytes;
  }

  push(entry: RecordedRequest): void {
    if (!this.enabled) return;
    this.entries.push(entry);
    this.sizes.push(ENTRY_OVERHEAD_BYTES + entry.path.length);
    this.bytes += ENTRY_OVERHEAD_BYTES + entry.path.length;
    this.trim();
  }

  /** Charges a logged entry for its body. */
  charge(entry: RecordedRequest, bodyBytes: number): void {
    if (!this.enabled || bodyBytes === 0) return;
    const i = this.entries.lastIndexOf(entry);
    if (i < this.head) return; // already dropped
    (this.sizes[i] as number) += bodyBytes;
    this.bytes += bodyBytes;
    this.trim();
  }

  list(): RecordedRequest[] {
    return this.entries.slice(this.head);
  }

  clear(): void {
    this.entries = [];
    this.sizes = [];
    this.head = 0;
    this.bytes = 0;
  }

  private trim(): void {
    // Always keep the newest entry, however large.
    while (this.entries.length - this.head > 1 && (this.entries.length - this.head > this.limit || this.bytes > this.maxBytes)) {
      this.bytes -= this.sizes[this.head] as number;
      this.head++;
    }
    // Compact in halves so appends stay amortised O(1).
    if (this.head > 1_024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }
}

// Any key holding "password" or "secret", and the keys that carry tokens (written from the contract, §2).
const SECRET_KEYS = /password|secret|^(?:token|apptoken|refreshtoken|authorization|x-custom-token)$/i;

/** A copy of a logged body with passwords, secrets and tokens replaced by `[redacted]`. @internal */
export function redactLoggedBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactLoggedBody);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? REDACTED : redactLoggedBody(inner);
  return out;
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
