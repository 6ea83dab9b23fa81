import { describe, expect, it } from '@jest/globals';
import axios, { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { inspect } from 'node:util';
import { createApiError } from '../../lib/errors/create-api-error.js';
import { isEthoraApiError } from '../../lib/errors/index.js';

const call = { method: 'DELETE', path: '/v1/chats', attempts: 1 };
const secretHeader = 'Bearer header.payload.signature';

function failed(status: number, data: unknown, headers: Record<string, string> = {}): AxiosError {
  const config = { headers: new AxiosHeaders({ Authorization: secretHeader }), data: '{"password":"pw"}' };
  const response = { status, statusText: 'x', headers, data, config } as unknown as AxiosResponse;
  return new AxiosError('Request failed', 'ERR_BAD_REQUEST', config as never, { _header: secretHeader }, response);
}

describe('createApiError', () => {
  it.each([
    [401, { code: 'UNAUTHORIZED' }, 'authentication_failed', 'EthoraAuthenticationError'],
    [403, 'forbidden', 'permission_denied', 'EthoraPermissionError'],
    [404, { message: 'no job' }, 'not_found', 'EthoraNotFoundError'],
    [422, 'Chat room not found', 'not_found', 'EthoraNotFoundError'],
    [422, { code: 'NOT_FOUND', message: 'Users not found' }, 'not_found', 'EthoraNotFoundError'],
    [422, { error: 'Chat already exists' }, 'conflict', 'EthoraConflictError'],
    [422, { code: 'VALIDATION_ERROR', message: 'firstName too short' }, 'validation_failed', 'EthoraValidationError'],
    [400, { code: 'BAD_TARGET', message: 'exactly one target' }, 'bad_request', 'EthoraBadRequestError'],
    [429, {}, 'rate_limited', 'EthoraRateLimitError'],
    [503, 'down', 'server_error', 'EthoraServerError'],
  ])('maps %i %j to %s', (status, data, code, name) => {
    const error = createApiError(failed(status, data), call);
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(isEthoraApiError(error)).toBe(true);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(error.response?.status).toBe(status);
    expect(error.response?.data).toEqual(data);
  });

  it('reads message, code and the server request id from any body shape, beside our correlation id', () => {
    const error = createApiError(failed(422, { msg: 'bad', code: 'VALIDATION_ERROR', requestId: 'r-1' }), { ...call, requestId: 'ours-1' });
    expect(error.message).toBe('Ethora DELETE /v1/chats failed with 422 VALIDATION_ERROR: bad (requestId ours-1, server requestId r-1)');
    expect(error).toMatchObject({ serverCode: 'VALIDATION_ERROR', serverMessage: 'bad', requestId: 'ours-1', serverRequestId: 'r-1', method: 'DELETE', path: '/v1/chats' });
    expect(createApiError(failed(500, {}, { 'x-request-id': 'h-2' }), call).serverRequestId).toBe('h-2');
  });

  it('maps timeouts and connection errors', () => {
    expect(createApiError(new AxiosError('timeout of 10ms exceeded', 'ETIMEDOUT'), call).code).toBe('timeout');
    const reset = AxiosError.from(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET');
    const error = createApiError(reset, call);
    expect(error.code).toBe('connection_failed');
    expect((error.cause as Error).message).toBe('socket hang up');
  });

  it('keeps no auth header, request or body anywhere', () => {
    const error = createApiError(failed(401, { code: 'UNAUTHORIZED' }), call);
    for (const view of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      expect(view).not.toContain('signature');
      expect(view).not.toContain('password');
    }
    expect(error.request).toBeUndefined();
    expect(error.config?.headers?.Authorization).toBeUndefined();
  });
});
