import { afterEach, describe, expect, it } from '@jest/globals';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call } from './emulator-test-kit.js';

describe('EthoraEmulator limits: rate limit, stats and a byte-capped request log', () => {
  let emulator: EthoraEmulator | undefined;
  afterEach(() => emulator?.stop());

  it('has no rate limit by default', async () => {
    emulator = await new EthoraEmulator().start();
    const answers = await Promise.all(Array.from({ length: 30 }, () => call(emulator as EthoraEmulator, 'GET', '/v2/apps')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(emulator.stats()).toMatchObject({ requests: 30, rateLimited: 0 });
  });

  it('answers 429 with Retry-After and x-ratelimit-* once the app bucket is empty, per app', async () => {
    // One token a minute after a burst of 3: the refill cannot race the test.
    emulator = await new EthoraEmulator({ rateLimit: { requestsPerSecond: 1 / 60, burst: 3 } }).start();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call(emulator, 'GET', '/v2/apps'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('3');
    expect(answers[2]?.headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = answers[3] as Awaited<ReturnType<typeof call>>;
    expect(limited.body).toMatchObject({ success: false, code: 'RATE_LIMITED', error: expect.any(String) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    const other = emulator.addApp();
    const otherToken = emulator.signToken({ appId: other.appId });
    expect((await call(emulator, 'GET', '/v2/apps', { token: otherToken })).status).toBe(200);
    expect((await call(emulator, 'GET', '/v1/ping', { token: null })).status).toBe(200); // public routes are not limited
    const stats = emulator.stats();
    expect(stats).toMatchObject({ requests: 7, rateLimited: 2 });
    expect(stats.apps[emulator.appId]).toMatchObject({ requests: 5 });
    expect(stats.maxRequestsPerSecond).toBeGreaterThanOrEqual(1);
    emulator.reset();
    expect(emulator.stats()).toMatchObject({ requests: 0, rateLimited: 0, maxRequestsPerSecond: 0 });
    expect((await call(emulator, 'GET', '/v2/apps')).status).toBe(200);
  });

  it('completes a job before the 202 answer with jobs.delayMs 0, broadcasts included', async () => {
    emulator = await new EthoraEmulator({ jobs: { delayMs: 0 } }).start();
    emulator.addRoom({ chatId: 'r1' });
    const cast = await call(emulator, 'POST', `/v2/apps/${emulator.appId}/chats/broadcast`, { body: { text: 'now', allRooms: true } });
    expect(cast.status).toBe(202);
    expect(emulator.state.broadcasts()).toEqual([expect.objectContaining({ jobId: cast.body.jobId, text: 'now' })]);
  });

  it('refuses a bad rate limit', () => {
    expect(() => new EthoraEmulator({ rateLimit: { requestsPerSecond: 0 } })).toThrow(/requestsPerSecond/);
    expect(() => new EthoraEmulator({ rateLimit: { requestsPerSecond: 5, burst: 0.5 } })).toThrow(/burst/);
  });

  it('caps the request log by bytes as well as by count, and logs a large body by its size only', async () => {
    emulator = await new EthoraEmulator({ requestLogMaxBytes: 200_000 }).start();
    const big = JSON.stringify({ blob: 'x'.repeat(100_000) });
    for (let i = 0; i < 20; i++) await call(emulator, 'POST', '/v2/chats', { token: null, rawBody: big });
    const log = emulator.requests;
    expect(log.length).toBeLessThan(20);
    expect(log.at(-1)?.body).toBe(`[${big.length} bytes, not kept]`);
    expect(log.at(-1)?.status).toBe(401);
  });
});
