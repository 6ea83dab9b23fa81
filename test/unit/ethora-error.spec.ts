import { describe, expect, it } from '@jest/globals';
import axios, { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { createApiError } from '../../lib/errors/create-api-error.js';
import {
  EthoraArgumentError,
  EthoraConfigError,
  EthoraJobError,
  EthoraMassRemovalError,
  EthoraTokenError,
  isEthoraError,
  type EthoraError,
} from '../../lib/index.js';

function apiError(status: number, headers: Record<string, string> = {}): EthoraError {
  const config = { headers: new AxiosHeaders() };
  const response = { status, statusText: 'x', headers, data: {}, config } as unknown as AxiosResponse;
  return createApiError(new AxiosError('failed', 'ERR_BAD_REQUEST', config as never, {}, response), {
    method: 'POST',
    path: '/v2/chats',
    attempts: 3,
    retryAfterMs: 7_000,
  }) as EthoraError;
}

// The README's example, compiled by `npm run typecheck` under --strict: the union narrows by code, no cast.
function retryIn(error: unknown, retry: () => void): boolean {
  if (isEthoraError(error) && error.code === 'rate_limited') {
    setTimeout(retry, error.retryAfterMs).unref();
    return true;
  }
  return false;
}

describe('one error family', () => {
  const errors: Array<[string, unknown]> = [
    ['invalid_argument', new EthoraArgumentError('userId', 'is bad')],
    ['invalid_config', new EthoraConfigError('appId', 'ETHORA_CHAT_APP_ID', 'is missing')],
    ['job_failed', new EthoraJobError('j1', 'failed', 'failed')],
    ['job_timeout', new EthoraJobError('j1', 'timeout', 'late')],
    ['job_aborted', new EthoraJobError('j1', 'aborted', 'stopped')],
    ['invalid_token', new EthoraTokenError('expired')],
    ['mass_removal_refused', new EthoraMassRemovalError('team', 10, 6, 0.5)],
    ['rate_limited', apiError(429)],
    ['authentication_failed', apiError(401)],
    ['permission_denied', apiError(403)],
    ['validation_failed', apiError(422)],
    ['server_error', apiError(500)],
  ];

  it.each(errors)('%s carries the one brand and its code', (code, error) => {
    expect(isEthoraError(error)).toBe(true);
    expect((error as EthoraError).code).toBe(code);
    expect(Object.getOwnPropertySymbols(error)).toContain(Symbol.for('nestjs-ethora-chat.error'));
    expect(JSON.stringify(error)).not.toContain('nestjs-ethora-chat.error');
  });

  it('keeps API errors AxiosErrors, as the official SDK promised', () => {
    expect(axios.isAxiosError(apiError(404))).toBe(true);
    expect(axios.isAxiosError(new EthoraArgumentError('x', 'y'))).toBe(false);
  });

  it('recognises errors from another copy of the package by the brand, and nothing else', () => {
    const foreign = Object.defineProperty(new Error('other copy'), Symbol.for('nestjs-ethora-chat.error'), { value: true });
    expect(isEthoraError(foreign)).toBe(true);
    for (const value of [new Error('x'), { code: 'rate_limited' }, null, undefined, 'rate_limited']) expect(isEthoraError(value)).toBe(false);
  });

  it('narrows a rate-limit error to its retryAfterMs', () => {
    expect(retryIn(apiError(429), () => undefined)).toBe(true);
    expect(retryIn(apiError(503), () => undefined)).toBe(false);
  });
});
