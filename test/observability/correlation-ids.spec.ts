import { describe, expect, it } from '@jest/globals';
import { EthoraArgumentError, runWithEthoraRequestId, type EthoraApiError } from '../../lib/index.js';
import { isEthoraApiError } from '../../lib/errors/index.js';
import { ETHORA_REQUEST_ID_HEADER, currentEthoraRequestId } from '../../lib/observability/request-id.js';
import { CaptureLogger } from '../support/capture-logger.js';
import type { EthoraTestContext } from '../support/ethora-test-context.js';
import { useTracedTestEnv } from './support/otel-test-sdk.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlation ids', () => {
  const env = useTracedTestEnv();

  const sentIds = (ctx: EthoraTestContext) => ctx.emulator.requests.map((request) => request.headers[ETHORA_REQUEST_ID_HEADER]);

  it('sends a fresh id with every request, shared by the attempts of one request', async () => {
    const ctx = await env.start();
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/chats', status: 503, times: 1 });
    await ctx.service.createChatRoom('room-a');
    await ctx.service.createChatRoom('room-b');
    const [first, retry, second] = sentIds(ctx);
    expect(first).toMatch(UUID);
    expect(retry).toBe(first);
    expect(second).toMatch(UUID);
    expect(second).not.toBe(first);
  });

  it("uses the caller's id for every request inside runWithEthoraRequestId, in logs, spans and errors", async () => {
    const logger = new CaptureLogger();
    const ctx = await env.start({ logging: true, logger });
    const service = ctx.service;
    const failure = await runWithEthoraRequestId('req-incoming-42', async () => {
      expect(currentEthoraRequestId()).toBe('req-incoming-42');
      await service.createChatRoom('room-c');
      await service.createUser('alice');
      return service.getUserChats('nobody').catch((error: unknown) => error);
    });
    expect(currentEthoraRequestId()).toBeUndefined();
    expect(new Set(sentIds(ctx))).toEqual(new Set(['req-incoming-42']));
    expect(logger.at('debug').some((line) => line.includes('requestId req-incoming-42'))).toBe(true);

    // Both ids on the error: ours, and the one the server answered with.
    expect(isEthoraApiError(failure)).toBe(true);
    const apiError = failure as EthoraApiError;
    expect(apiError).toMatchObject({ code: 'not_found', requestId: 'req-incoming-42', serverRequestId: expect.stringMatching(/^emu-/) });
    expect(apiError.message).toContain('requestId req-incoming-42');
    expect(JSON.parse(JSON.stringify(apiError))).toMatchObject({ requestId: 'req-incoming-42', serverRequestId: apiError.serverRequestId });

    const calls = env.sdk.spans().filter((span) => span.name.startsWith('ethora.') && span.parentSpanContext === undefined);
    expect(calls.map((span) => span.name)).toEqual(['ethora.createChatRoom', 'ethora.createUser', 'ethora.getUserChats']);
    expect(calls.every((span) => span.attributes['ethora.request_id'] === 'req-incoming-42')).toBe(true);
    const failed = calls[2];
    expect(failed?.attributes).toMatchObject({ 'ethora.error.code': 'not_found', 'http.response.status_code': 404, 'ethora.server_request_id': apiError.serverRequestId });
  });

  it("gives errors that were not a request the caller's id too", async () => {
    const ctx = await env.start();
    const service = ctx.service;
    const error = await runWithEthoraRequestId('req-7', () => service.createChatRoom('bad id!').catch((e: unknown) => e));
    expect(error).toBeInstanceOf(EthoraArgumentError);
    expect(error).toMatchObject({ requestId: 'req-7' });
    expect(sentIds(ctx)).toEqual([]);
  });

  it('puts both ids on bulk report entries of a failed chunk', async () => {
    const ctx = await env.start({ maxRetries: 0 });
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/chats/users-access', status: 503, times: 1 });
    const service = ctx.service;
    await service.bulkCreateUsers([{ userId: 'u1' }, { userId: 'u2' }]);
    const report = await runWithEthoraRequestId('bulk-run-1', () => service.bulkGrantAccess('room-d', ['u1', 'u2']));
    expect(report.users.map((user) => user.error)).toEqual([
      expect.objectContaining({ code: 'server_error', requestId: 'bulk-run-1', serverRequestId: expect.stringMatching(/^emu-/) }),
      expect.objectContaining({ code: 'server_error', requestId: 'bulk-run-1' }),
    ]);
  });

  it.each([[''], ['has space'], ['x'.repeat(201)], ['ünïcode'], [42]])('refuses %j as a request id', (id) => {
    expect(() => runWithEthoraRequestId(id as string, () => undefined)).toThrow(EthoraArgumentError);
  });
});
