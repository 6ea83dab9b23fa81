import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';
import { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { brandEthoraError, hasEthoraBrand } from './ethora-error-brand.js';

/** Stable discriminant of every `EthoraApiError` subclass; switch on it instead of `instanceof`. */
export type EthoraApiErrorCode =
  | 'bad_request'
  | 'authentication_failed'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'validation_failed'
  | 'rate_limited'
  | 'server_error'
  | 'connection_failed'
  | 'timeout'
  | 'response_too_large'
  | 'unexpected_response';

/** What a failed call knew; every field is safe to log (no headers, no body sent, no token). */
export interface EthoraApiErrorDetails {
  message: string;
  method: string;
  path: string;
  status?: number;
  /** The `code` from the server's error body, e.g. `VALIDATION_ERROR`, `USER_NOT_FOUND`. */
  serverCode?: string;
  /** The server's own message, read from `message || error || msg || reason` or a string body. */
  serverMessage?: string;
  /** The correlation id we sent the request with (`x-request-id`). */
  requestId?: string;
  /** The server's own request id (from the error body or its `x-request-id` header), when it sent one. */
  serverRequestId?: string;
  retryAfterMs?: number;
  /** What the answer said about the rate limit (429 only). */
  rateLimit?: EthoraRateLimitState;
  /** How many attempts were made, retries included. */
  attempts: number;
  /** The server's answer: status, status text, response headers and body as sent. */
  response?: { status: number; statusText: string; headers: Record<string, unknown>; data: unknown };
  /** The underlying network error, if any (never the raw AxiosError, which holds the auth headers). */
  cause?: Error;
}

/**
 * Every failed Ethora API call rejects with this (or a subclass). It is an `AxiosError`, so
 * `axios.isAxiosError(err)` holds and `err.response.status` / `err.response.data` work, but unlike a raw
 * AxiosError it carries no request object, no auth header and no request body.
 */
export class EthoraApiError extends AxiosError {
  override readonly name: string = 'EthoraApiError';
  override readonly code: EthoraApiErrorCode = 'unexpected_response';
  readonly method: string;
  readonly path: string;
  readonly serverCode?: string;
  readonly serverMessage?: string;
  readonly requestId?: string;
  readonly serverRequestId?: string;
  readonly attempts: number;

  constructor(details: EthoraApiErrorDetails) {
    const config = safeConfig(details.method, details.path);
    const response = details.response && ({ ...details.response, config } as unknown as AxiosResponse);
    super(details.message, undefined, config, undefined, response);
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.serverCode = details.serverCode;
    this.serverMessage = details.serverMessage;
    this.requestId = details.requestId;
    this.serverRequestId = details.serverRequestId;
    this.attempts = details.attempts;
    if (details.cause) Object.defineProperty(this, 'cause', { value: details.cause, enumerable: false, writable: true });
    brandEthoraError(this);
    // Axios' toJSON would serialise `config`; ours names the call and the server's answer only.
    Object.defineProperty(this, 'toJSON', { value: () => serialize(this), enumerable: false, writable: true });
  }
}

function serialize(error: EthoraApiError): object {
  const { name, message, code, status, method, path, serverCode, serverMessage, requestId, serverRequestId, attempts } = error;
  const { retryAfterMs } = error as { retryAfterMs?: number };
  return { name, message, code, status, method, path, serverCode, serverMessage, requestId, serverRequestId, attempts, retryAfterMs };
}

/** True for a branded error that came from an API call (it is also an `AxiosError`). @internal */
export function isEthoraApiError(value: unknown): value is EthoraApiError {
  return hasEthoraBrand(value) && (value as { isAxiosError?: unknown }).isAxiosError === true;
}

// A config with nothing secret in it: the method and URL only. Axios' own error keeps the headers.
function safeConfig(method: string, path: string): InternalAxiosRequestConfig {
  return { method: method.toLowerCase(), url: path, headers: new AxiosHeaders() };
}
