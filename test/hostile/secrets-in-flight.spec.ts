import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { EthoraAppsService, EthoraTokenService } from '../../lib/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { hang, HostileServer, json, moduleAgainst } from './hostile-server.js';

// Issue 12.7: inspecting what the library hands out shows no token, even while a call holds a socket (whose
// request carries the Authorization header), and no log level carries one.
describe('hostile server: secrets while calls are in flight', () => {
  let server: HostileServer;
  const logger = new CaptureLogger();
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  beforeAll(async () => {
    server = await new HostileServer().start();
    ctx = await moduleAgainst(server, { logging: true, logger, logRequestBodies: true, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await ctx.close();
    await server.stop();
  });

  it('util.inspect(service, { depth: 7 }) during a call and between calls shows no token', async () => {
    const token = ctx.moduleRef.get(EthoraTokenService).getServerToken();
    server.use(json(200, { ok: true }));
    await ctx.service.grantUserAccessToChatRoom('room', 'a'); // leaves a keep-alive socket in the pool
    const idle = inspect(ctx.service, { depth: 7 });
    server.use(hang());
    const sent = server.requests.length;
    const inFlight = ctx.service.grantUserAccessToChatRoom('room', 'b').catch(() => undefined);
    while (server.requests.length === sent) await new Promise((resolve) => setTimeout(resolve, 5));
    const busy = [ctx.service, ctx.moduleRef.get(EthoraAppsService), ctx.moduleRef.get(EthoraTokenService)].map((o) => inspect(o, { depth: 7 }));
    await ctx.close();
    await inFlight;
    for (const text of [idle, ...busy, logger.text]) {
      expect(text).not.toContain(token);
      expect(text).not.toMatch(/Bearer ey/);
    }
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
  });
});
