import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { CaptureLogger } from '../support/capture-logger.js';
import { HostileServer, json, moduleAgainst } from './hostile-server.js';

// Issue 12.3: an onProgress that throws or rejects never crashes the app (no unhandled rejection).
describe('hostile caller: onProgress', () => {
  let server: HostileServer;
  const logger = new CaptureLogger();
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    server = await new HostileServer().start();
    server.use(json(200, { ok: true }));
    ctx = await moduleAgainst(server, { logging: true, logger });
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await ctx.close();
    await server.stop();
  });
  afterEach(() => {
    logger.lines.length = 0;
  });

  const userIds = Array.from({ length: 250 }, (_, i) => `user-${i}`);
  // Let any stray rejection reach the process before checking.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it.each([
    ['throws', () => {
      throw new Error('sync bug');
    }],
    ['returns a promise that rejects', async () => {
      throw new Error('async bug');
    }],
    ['returns a rejecting thenable', () => ({ then: (_ok: unknown, fail: (e: Error) => void) => fail(new Error('thenable bug')) })],
  ])('a callback that %s is logged, and the run completes', async (_label, onProgress) => {
    const report = await ctx.service.bulkGrantAccess('room', userIds, { onProgress });
    await settle();
    expect(report.ok).toBe(true);
    expect(report.totals).toEqual({ users: 250, succeeded: 250, failed: 0 });
    expect(unhandled).toEqual([]);
    expect(logger.at('warn').join('\n')).toMatch(/onProgress failed and was ignored: (sync|async|thenable) bug/);
  });
});
