import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EthoraJobError, EthoraTimeoutError } from '../../lib/errors/index.js';
import { hang, HostileServer, json, moduleAgainst, trickle } from './hostile-server.js';

// Issue 12.2: one deadline per attempt covers connect, headers and body; job waits end at their deadline
// even while a poll hangs. No timings are asserted (shared machine): only that each call ends, and how.
describe('hostile server: deadlines', () => {
  let server: HostileServer;
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  beforeAll(async () => {
    server = await new HostileServer().start();
    ctx = await moduleAgainst(server, { timeoutMs: 1_000, maxRetries: 0 });
  });
  afterAll(async () => {
    await ctx.close();
    await server.stop();
  });

  it('a body trickled a byte every 200 ms (6 s in all) ends in EthoraTimeoutError at timeoutMs', async () => {
    server.use(trickle(server, 200, 30));
    await expect(ctx.service.getUsers()).rejects.toBeInstanceOf(EthoraTimeoutError);
  });

  it('an endless trickle ends too, and the error names the call and the origin', async () => {
    server.use(trickle(server, 100));
    const error = await ctx.service.getUsers().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(EthoraTimeoutError);
    expect((error as Error).message).toMatch(/GET \/v2\/chats\/users timed out after 1 attempt\(s\) \(Ethora at http:\/\/127\.0\.0\.1:\d+\)/);
  });

  it('a job wait ends at its deadline while a poll is in flight (the poll hangs past the deadline)', async () => {
    server.use(hang());
    const waiting = ctx.service.waitForJob('job-1', { kind: 'users', timeoutMs: 300, pollIntervalMs: 1 });
    await expect(waiting).rejects.toBeInstanceOf(EthoraJobError);
    await expect(waiting).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('a job wait aborted by its signal ends while a poll is in flight', async () => {
    server.use(hang());
    const controller = new AbortController();
    const waiting = ctx.service.waitForJob('job-2', { kind: 'users', timeoutMs: 60_000, pollIntervalMs: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(waiting).rejects.toMatchObject({ reason: 'aborted' });
  });

  it('a job wait still completes normally', async () => {
    server.use(json(200, { state: 'completed', result: { results: [] } }));
    await expect(ctx.service.waitForJob('job-3', { kind: 'users', pollIntervalMs: 1 })).resolves.toMatchObject({ state: 'completed' });
  });
});
