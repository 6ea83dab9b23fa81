import { isAxiosError } from 'axios';
import { EthoraApiError, type EthoraApiErrorDetails } from './ethora-api.error.js';
import { EthoraAuthenticationError } from './ethora-authentication.error.js';
import { EthoraBadRequestError } from './ethora-bad-request.error.js';
import { EthoraConflictError } from './ethora-conflict.error.js';
import { EthoraConnectionError } from './ethora-connection.error.js';
import { EthoraNotFoundError } from './ethora-not-found.error.js';
import { EthoraPermissionError } from './ethora-permission.error.js';
import { EthoraRateLimitError } from './ethora-rate-limit.error.js';
import { EthoraServerError } from './ethora-server.error.js';
import { EthoraTimeoutError } from './ethora-timeout.error.js';
import { readRateLimitState } from '../observability/rate-limit-state.js';
import { readErrorBody, saysAlreadyExists, saysNotFound } from './read-error-body.js';

/** The call that failed, as the HTTP client knows it. */
export interface FailedCall {
  method: string;
  path: string;
  attempts: number;
  retryAfterMs?: number;
  /** The correlation id the request was sent with (`x-request-id`). */
  requestId?: string;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * Turns whatever a request threw into the matching `EthoraApiError` subclass (status → class, as stripe-node).
 * The raw AxiosError is dropped here because it holds the auth headers and the request body.
 */
export function createApiError(raw: unknown, call: FailedCall): EthoraApiError {
  const axiosError = isAxiosError(raw) ? raw : undefined;
  const response = axiosError?.response;
  const lowLevel = axiosError ? (axiosError.cause as Error | undefined) : (raw as Error);

  if (!response) {
    const timedOut = TIMEOUT_CODES.has(axiosError?.code ?? '');
    const why = timedOut ? 'timed out' : `got no answer (${axiosError?.code ?? lowLevel?.message ?? 'unknown error'})`;
    const details = baseDetails(call, `Ethora ${call.method} ${call.path} ${why} after ${call.attempts} attempt(s)${ids(call.requestId)}`);
    details.cause = lowLevel;
    return timedOut ? new EthoraTimeoutError(details) : new EthoraConnectionError(details);
  }

  const summary = readErrorBody(response.data);
  // Ours (what we sent as x-request-id) and the server's own, kept apart.
  const serverRequestId = summary.requestId ?? headerValue(response.headers, 'x-request-id');
  const said = [summary.serverCode, summary.serverMessage].filter(Boolean).join(': ');
  const message = `Ethora ${call.method} ${call.path} failed with ${response.status}` + (said ? ` ${said}` : '') + ids(call.requestId, serverRequestId);
  const details: EthoraApiErrorDetails = {
    ...baseDetails(call, message),
    status: response.status,
    serverCode: summary.serverCode,
    serverMessage: summary.serverMessage,
    serverRequestId,
    ...(response.status === 429 && { rateLimit: readRateLimitState(response.headers, 429) }),
    response: {
      status: response.status,
      statusText: response.statusText,
      headers: { ...(response.headers as Record<string, unknown>) },
      data: response.data,
    },
  };
  const ErrorClass = classFor(response.status, summary);
  return new ErrorClass(details);
}

function classFor(status: number, summary: ReturnType<typeof readErrorBody>): new (d: EthoraApiErrorDetails) => EthoraApiError {
  if (status === 401) return EthoraAuthenticationError;
  if (status === 403) return EthoraPermissionError;
  if (status === 404) return EthoraNotFoundError;
  if (status === 409) return EthoraConflictError;
  if (status === 429) return EthoraRateLimitError;
  if (status === 400 || status === 422) {
    if (saysNotFound(summary)) return EthoraNotFoundError;
    if (saysAlreadyExists(summary)) return EthoraConflictError;
    return EthoraBadRequestError;
  }
  if (status >= 500 || status === 410) return EthoraServerError;
  return EthoraApiError;
}

function baseDetails(call: FailedCall, message: string): EthoraApiErrorDetails {
  return { message, method: call.method, path: call.path, attempts: call.attempts, retryAfterMs: call.retryAfterMs, requestId: call.requestId };
}

function ids(requestId: string | undefined, serverRequestId?: string): string {
  const parts = [requestId && `requestId ${requestId}`, serverRequestId && serverRequestId !== requestId && `server requestId ${serverRequestId}`];
  const said = parts.filter(Boolean).join(', ');
  return said ? ` (${said})` : '';
}

function headerValue(headers: unknown, name: string): string | undefined {
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
