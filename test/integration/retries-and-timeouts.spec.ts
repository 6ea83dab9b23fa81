import { afterEach, describe, expect, it } from '@jest/globals';
import axios from 'axios';
import { EthoraApiError } from '../../lib/index.js';
import { isEthoraApiError } from '../../lib/errors/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('retries and timeouts', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  const grants = (c: EthoraTestContext) => c.emulator.requests.filter((r) => r.path === '/v2/chats');

  it('retries a 429, waiting exactly its Retry-After, and logs a warning per retry', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger, retryMaxDelayMs: 2_000 });
    ctx.emulator.faults.add({ path: '/v2/chats', status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    expect(await ctx.service.createChatRoom('busy')).toMatchObject({ status: 'created' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(grants(ctx).map((r) => r.status)).toEqual([429, 200]);
    expect(logger.at('warn').join('\n')).toMatch(/POST \/v2\/chats failed with 429.*attempt 1\/3.*retrying in 1000ms/);
    expect(logger.at('debug').join('\n')).toMatch(/POST \/v2\/chats -> 200 in \d+ms \(attempt 2\)/);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    ctx = await createEthoraTestContext({ retryMaxDelayMs: 3_000 });
    ctx.emulator.faults.add({ path: '/v2/chats', status: 429, retryAfter: new Date(Date.now() + 1_500).toUTCString(), times: 1 });
    const started = Date.now();
    await ctx.service.createChatRoom('dated');
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(grants(ctx).map((r) => r.status)).toEqual([429, 200]);
  });

  it('gives up on a Retry-After longer than retryMaxDelayMs, reporting it', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.faults.add({ path: '/v2/chats', status: 429, retryAfter: 120 });
    const error = await ctx.service.createChatRoom('later').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 120_000, attempts: 1 });
  });

  it('retries 503 with backoff until it succeeds', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.faults.add({ path: '/v2/chats', status: 503, times: 2 });
    expect(await ctx.service.createChatRoom('flaky')).toMatchObject({ status: 'created' });
    expect(grants(ctx).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('surfaces an EthoraServerError after maxRetries', async () => {
    ctx = await createEthoraTestContext({ maxRetries: 1 });
    ctx.emulator.faults.add({ path: '/v2/chats', status: 502 });
    const error = await ctx.service.createChatRoom('down').catch((e: unknown) => e);
    expect(isEthoraApiError(error)).toBe(true);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'server_error', status: 502, attempts: 2, method: 'POST', path: '/v2/chats' });
    expect((error as EthoraApiError).response?.status).toBe(502);
  });

  it('retries a connection reset', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.faults.add({ path: '/v2/chats', reset: true, times: 1 });
    expect(await ctx.service.createChatRoom('reset')).toMatchObject({ status: 'created' });
    expect(grants(ctx).map((r) => r.status)).toEqual(['reset', 200]);
  });

  it('a create whose answer was lost is retried and reported as existing, not duplicated', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.faults.add({ path: '/v2/chats', reset: true, times: 1, phase: 'after' });
    expect(await ctx.service.createChatRoom('lost-answer')).toMatchObject({ status: 'exists' });
    expect(ctx.emulator.state.rooms().filter((room) => room.uuid === 'lost-answer')).toHaveLength(1);
  });

  it('times out a hanging request per attempt, retries, then fails with EthoraTimeoutError', async () => {
    ctx = await createEthoraTestContext({ timeoutMs: 150, maxRetries: 1 });
    ctx.emulator.faults.add({ path: '/v2/chats', hang: true });
    const started = Date.now();
    const error = await ctx.service.createChatRoom('hang').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', attempts: 2, name: 'EthoraTimeoutError' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('recovers when only the first attempt hangs', async () => {
    ctx = await createEthoraTestContext({ timeoutMs: 150 });
    ctx.emulator.faults.add({ path: '/v2/chats', hang: true, times: 1 });
    expect(await ctx.service.createChatRoom('slow-once')).toMatchObject({ status: 'created' });
  });

  it('never retries a 4xx', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.faults.add({ path: '/v2/chats/users-access', status: 400, times: 1 });
    await ctx.service.createChatRoom('r');
    await expect(ctx.service.grantUserAccessToChatRoom('r', 'nobody')).rejects.toMatchObject({ code: 'bad_request', attempts: 1 });
  });
});
