import { afterEach, describe, expect, it } from '@jest/globals';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('lifecycle', () => {
  let ctx: EthoraTestContext | undefined;
  afterEach(async () => {
    await ctx?.emulator.stop();
    ctx = undefined;
  });

  it('app.close() rejects calls still in flight with a clear error, and later calls too', async () => {
    ctx = await createEthoraTestContext({ timeoutMs: 5_000 });
    ctx.emulator.faults.add({ path: '/v2/chats', hang: true });
    const inFlight = ctx.service.createChatRoom('stuck').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ctx.moduleRef.close();
    expect(await inFlight).toMatchObject({ code: 'connection_failed', message: expect.stringMatching(/shutting down/) });
    await expect(ctx.service.deleteChatRoom('later')).rejects.toMatchObject({ code: 'connection_failed' });
  });

  it('app.close() lets finished calls keep their results and closes keep-alive sockets', async () => {
    ctx = await createEthoraTestContext();
    await ctx.service.createChatRoom('done');
    expect(ctx.emulator.openConnections).toBeGreaterThan(0);
    await ctx.moduleRef.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ctx.emulator.openConnections).toBe(0);
  });
});
