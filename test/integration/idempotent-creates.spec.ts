import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('creates are safe to retry and to race', () => {
  let ctx: EthoraTestContext;
  beforeEach(async () => {
    ctx = await createEthoraTestContext();
  });
  afterEach(() => ctx.close());

  it('ten concurrent createChatRoom calls for one id leave one room, and all ten succeed', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => ctx.service.createChatRoom('contended')));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'exists')).toHaveLength(9);
    expect(ctx.emulator.state.rooms().filter((room) => room.chatId === 'contended')).toHaveLength(1);
  });

  it('ten concurrent createUser calls for one id leave one user, reported created once and exists otherwise', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => ctx.service.createUser('racer')));
    expect(results.map((r) => r.status).sort()).toEqual(['created', ...Array(9).fill('exists')]);
    expect(ctx.emulator.state.users().filter((user) => user.userId === 'racer')).toHaveLength(1);
  });

  it('a user create whose answer was lost is retried without making a second user', async () => {
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 503, times: 1, phase: 'after' });
    expect(['created', 'exists']).toContain((await ctx.service.createUser('lost')).status);
    expect(ctx.emulator.state.users().filter((user) => user.userId === 'lost')).toHaveLength(1);
  });

  it('granting twice keeps one membership', async () => {
    await ctx.service.createUser('m1');
    await ctx.service.createChatRoom('club');
    await ctx.service.grantUserAccessToChatRoom('club', 'm1');
    await ctx.service.grantUserAccessToChatRoom('club', 'm1');
    expect(ctx.emulator.state.room(ctx.emulator.appId, 'club')?.members).toEqual(['m1']);
  });
});
