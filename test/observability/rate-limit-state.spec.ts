import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HealthCheckService } from '@nestjs/terminus';
import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraChatModule, EthoraChatService, EthoraRateLimitError } from '../../lib/index.js';
import { readRateLimitState } from '../../lib/http/rate-limit-state.js';
import { EthoraHealthIndicator, EthoraTerminusModule } from '../../lib/terminus/index.js';
import { FAST_TEST_OPTIONS } from '../support/ethora-test-context.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');

describe('readRateLimitState', () => {
  it('reads limit, remaining, a reset in seconds from now and Retry-After in seconds', () => {
    const headers = { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '30', 'retry-after': '2' };
    expect(readRateLimitState(headers, 200, NOW)).toEqual({
      limit: 100,
      remaining: 7,
      resetAt: new Date(NOW + 30_000),
      retryAfterMs: 2_000,
      status: 200,
      observedAt: new Date(NOW),
    });
  });

  it('reads a reset given as epoch seconds and Retry-After given as an HTTP date', () => {
    const epoch = Math.floor(NOW / 1000) + 90;
    const state = readRateLimitState({ 'x-ratelimit-reset': String(epoch), 'retry-after': new Date(NOW + 5_000).toUTCString() }, 429, NOW);
    expect(state).toMatchObject({ resetAt: new Date(epoch * 1000), retryAfterMs: 5_000, status: 429 });
  });

  it('is undefined without rate-limit headers, except for a 429; ignores unreadable values', () => {
    expect(readRateLimitState({ 'content-type': 'application/json' }, 200, NOW)).toBeUndefined();
    expect(readRateLimitState({}, 429, NOW)).toEqual({ status: 429, observedAt: new Date(NOW) });
    expect(readRateLimitState({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': '' }, 200, NOW)).toBeUndefined();
  });
});

describe('rate-limit state over real HTTP', () => {
  let server: Server;
  let moduleRef: TestingModule;
  let answer: { status: number; headers: Record<string, string> };

  beforeEach(async () => {
    answer = { status: 200, headers: {} };
    // A stand-in for an Ethora deployment behind a gateway that sends rate-limit headers (the emulator does not).
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.status === 200 ? { ok: true } : { code: 'TOO_MANY_REQUESTS', message: 'slow down' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    moduleRef = await Test.createTestingModule({
      imports: [
        EthoraChatModule.forRoot({
          ...FAST_TEST_OPTIONS,
          maxRetries: 1,
          apiUrl: `http://127.0.0.1:${port}`,
          appId: '65a1b2c3d4e5f60718293a4b',
          appSecret: 'a-test-secret-long-enough-for-the-check',
          isGlobal: true,
        }),
        EthoraTerminusModule,
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
  });
  afterEach(async () => {
    await moduleRef.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps the last known state on the service and reports it as health details, still up', async () => {
    const chat = moduleRef.get(EthoraChatService);
    expect(chat.rateLimitState).toBeUndefined();
    answer.headers = { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42' };
    const health = await moduleRef.get(HealthCheckService).check([() => moduleRef.get(EthoraHealthIndicator).isHealthy()]);
    expect(health).toMatchObject({
      status: 'ok',
      info: { ethora: { status: 'up', rateLimit: { limit: 600, remaining: 0, status: 200, resetAt: expect.any(Date) } } },
    });
    answer.headers = {};
    await chat.ping();
    expect(chat.rateLimitState).toMatchObject({ limit: 600, remaining: 0 });
  });

  it('puts the state on a 429 error whose Retry-After is too long to wait out', async () => {
    const chat = moduleRef.get(EthoraChatService);
    answer = { status: 429, headers: { 'retry-after': '120', 'x-ratelimit-remaining': '0' } };
    const error = await chat.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EthoraRateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, rateLimit: { remaining: 0, retryAfterMs: 120_000, status: 429 } });
    expect(chat.rateLimitState).toMatchObject({ status: 429, retryAfterMs: 120_000 });
  });
});
