import { isAxiosError, type AxiosError } from 'axios';
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
import { EthoraValidationError } from './ethora-validation.error.js';
import { EthoraResponseTooLargeError } from './ethora-response-too-large.error.js';
import { EthoraUnexpectedResponseError } from './ethora-unexpected-response.error.js';
import { excerpt, scrubDeep } from './safe-text.js';
import type { EthoraRateLimitState } from '../contract/rate-limit-state.js';
import { readErrorBody, saysAlreadyExists, saysNotFound } from './read-error-body.js';
import { headerText, isBodyTooLarge } from './axios-answers.js';

/** The call that failed, as the HTTP client knows it. */
export interface FailedCall {
  method: string;
  path: string;
  attempts: number;
  retryAfterMs?: number;
  /** The Ethora origin called; connection errors name it. */
  origin?: string;
  /** The library's own credentials in use (tokens): scrubbed from any server text the error passes on. */
  secrets?: readonly string[];
  /** The correlation id the request was sent with (`x-request-id`). */
  requestId?: string;
  /** What a 429 answer said about the rate limit (read by the transport). */
  rateLimit?: EthoraRateLimitState;
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

  // A 2xx "error" is a body that failed to arrive (connection dropped mid-body, size cap): no answer at all.
  if (!response || response.status < 300) return transportError(axiosError, lowLevel, call);

  const secrets = call.secrets ?? [];
  const summary = readErrorBody(response.data);
  const quote = (text: string | undefined) => (text === undefined ? undefined : excerpt(text, secrets));
  const serverCode = quote(summary.serverCode);
  const serverMessage = quote(summary.serverMessage);
  // Ours (what we sent as x-request-id) and the server's own, kept apart.
  const serverRequestId = quote(summary.requestId ?? headerText(response.headers, 'x-request-id'));
  const said = [serverCode, serverMessage].filter(Boolean).join(': ');
  const message = `Ethora ${call.method} ${call.path} failed with ${response.status}` + (said ? ` ${said}` : '') + ids(call.requestId, serverRequestId);
  const details: EthoraApiErrorDetails = {
    ...baseDetails(call, message),
    status: response.status,
    serverCode,
    serverMessage,
    serverRequestId,
    ...(response.status === 429 && call.rateLimit && { rateLimit: call.rateLimit }),
    response: answerOf(response, secrets),
  };
  const ErrorClass = classFor(response.status, summary);
  return new ErrorClass(details);
}

/**
 * A 2xx answer whose body is not what the route promises (`problem` says how): `EthoraUnexpectedResponseError`,
 * quoting a short excerpt of what came; the whole answer stays on `response.data`.
 */
export function unexpectedResponseError(
  answer: { status: number; statusText: string; headers: unknown; data: unknown },
  problem: string,
  call: FailedCall,
): EthoraUnexpectedResponseError {
  const secrets = call.secrets ?? [];
  const body = typeof answer.data === 'string' ? answer.data : safeJson(answer.data);
  const echoedId = headerText(answer.headers, 'x-request-id');
  const serverRequestId = echoedId === undefined ? undefined : excerpt(echoedId, secrets);
  const said = excerpt(body, secrets) || '(empty body)';
  const message = `Ethora ${call.method} ${call.path} answered ${answer.status} with ${problem}: ${said}${ids(call.requestId, serverRequestId)}`;
  return new EthoraUnexpectedResponseError({
    ...baseDetails(call, message),
    status: answer.status,
    serverRequestId,
    response: answerOf(answer, secrets),
  });
}

function transportError(axiosError: AxiosError | undefined, lowLevel: Error | undefined, call: FailedCall): EthoraApiError {
  const at = call.origin ? ` (Ethora at ${call.origin})` : '';
  if (axiosError && isBodyTooLarge(axiosError)) {
    const limit = /\d+/.exec(axiosError.message)?.[0];
    const message = `Ethora ${call.method} ${call.path} sent a body larger than maxResponseBytes (${limit} bytes); reading stopped${at}${ids(call.requestId)}`;
    return new EthoraResponseTooLargeError(baseDetails(call, message));
  }
  const timedOut = TIMEOUT_CODES.has(axiosError?.code ?? '');
  const reason = lowLevel?.message ?? axiosError?.message;
  const why = timedOut ? 'timed out' : `got no answer (${axiosError?.code ?? reason ?? 'unknown error'}${axiosError?.response ? ', body cut off' : ''})`;
  const details = baseDetails(call, `Ethora ${call.method} ${call.path} ${why} after ${call.attempts} attempt(s)${at}${ids(call.requestId)}`);
  details.cause = lowLevel;
  return timedOut ? new EthoraTimeoutError(details) : new EthoraConnectionError(details);
}

function answerOf(answer: { status: number; statusText: string; headers: unknown; data: unknown }, secrets: readonly string[]) {
  return {
    status: answer.status,
    statusText: answer.statusText,
    headers: scrubDeep({ ...(answer.headers as Record<string, unknown>) }, secrets),
    data: scrubDeep(answer.data, secrets),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
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
    return status === 422 ? EthoraValidationError : EthoraBadRequestError;
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

