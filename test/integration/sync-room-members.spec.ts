import { afterEach, describe, expect, it } from '@jest/globals';
import { EthoraNotFoundError } from '../../lib/errors/index.js';
import { EthoraAppsService, EthoraArgumentError, EthoraMassRemovalError } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const ids = (count: number, prefix = 'u', from = 0): string[] => Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);

describe('syncRoomMembers', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  /** A room `team` holding `members`, plus users `others` that exist but are not members. */
  async function seed(members: string[], others: string[] = [], options = {}): Promise<void> {
    ctx = await createEthoraTestContext(options);
    ctx.emulator.addUsers([...members, ...others].map((userId) => ({ userId })));
    ctx.emulator.addRoom({ chatId: 'team', members });
    ctx.emulator.clearRequests();
  }
  const members = () => [...(ctx.emulator.state.room(ctx.emulator.appId, 'team')?.members ?? [])].sort();
  const writes = () => ctx.emulator.requests.filter((r) => r.method !== 'GET');
  const reads = () => ctx.emulator.requests.filter((r) => r.method === 'GET');

  it('grants the missing members and removes the extra ones: member pages, then 1 grant and 1 removal per 100', async () => {
    await seed(ids(1200), ids(50, 'new'));
    const desired = [...ids(1150), ...ids(50, 'new')]; // 50 leave (u1150–u1199), 50 join

    const report = await ctx.service.syncRoomMembers('team', desired);

    expect(report).toMatchObject({ ok: true, dryRun: false, chatId: 'team', chatName: `${ctx.emulator.appId}_team`, unchanged: 1150, failed: [] });
    expect(report.added).toEqual(ids(50, 'new'));
    expect(report.removed).toEqual(ids(50, 'u', 1150));
    expect(report.plan).toMatchObject({ desired: 1200, current: 1200, unchanged: 1150, extra: 50, refused: false });
    expect(members()).toEqual([...desired].sort());
    // 1,200 members in pages of 500: 3 reads; then the grant before the removal.
    expect(reads().map((r) => [r.path, r.query.limit, r.query.offset])).toEqual([
      ['/v2/chats/users', '500', '0'],
      ['/v2/chats/users', '500', '500'],
      ['/v2/chats/users', '500', '1000'],
    ]);
    expect(reads()[0]?.query.chatName).toBe(`${ctx.emulator.appId}_team`);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/chats/users-access', 'DELETE /v2/chats/users-access']);
  });

  it('sends only the reads when run again right after', async () => {
    await seed(ids(600), ids(10, 'new'));
    const desired = [...ids(300), ...ids(10, 'new')];
    await ctx.service.syncRoomMembers('team', desired, { allowMassRemoval: true });
    ctx.emulator.clearRequests();

    const again = await ctx.service.syncRoomMembers('team', desired);

    expect(again).toMatchObject({ ok: true, added: [], removed: [], unchanged: 310, failed: [] });
    expect(writes()).toEqual([]);
    expect(reads()).toHaveLength(1);
  });

  it('reads an exact multiple of the page size to the empty page after it', async () => {
    await seed(ids(1000));
    const report = await ctx.service.syncRoomMembers('team', ids(1000));
    expect(report.unchanged).toBe(1000);
    expect(reads().map((r) => r.query.offset)).toEqual(['0', '500', '1000']);
  });

  it('compares ids case-insensitively and takes plain or <appId>_-prefixed ids', async () => {
    await seed(['alice', 'Bob', 'carol'], ['dave']);
    const appId = ctx.emulator.appId;
    const report = await ctx.service.syncRoomMembers('team', ['ALICE', `${appId.toUpperCase()}_bob`, 'Carol', `${appId}_dave`]);
    expect(report).toMatchObject({ ok: true, unchanged: 3, added: ['dave'], removed: [] });
    expect(members()).toEqual(['Bob', 'alice', 'carol', 'dave']);
  });

  it('streams the desired ids from an async iterable', async () => {
    await seed(ids(150), ids(20, 'new'));
    async function* fromDatabase() {
      for (const id of [...ids(140), ...ids(20, 'new')]) yield id;
    }
    const report = await ctx.service.syncRoomMembers('team', fromDatabase());
    expect(report).toMatchObject({ ok: true, unchanged: 140 });
    expect(report.added).toHaveLength(20);
    expect(report.removed).toEqual(ids(10, 'u', 140));
  });

  it('plans without writing on dryRun, and shows whether the guard would refuse', async () => {
    await seed(ids(10), ['x']);
    const plan = await ctx.service.syncRoomMembers('team', [...ids(8), 'x'], { dryRun: true });
    expect(plan).toMatchObject({ ok: true, dryRun: true, added: [], removed: [], unchanged: 8, failed: [] });
    expect(plan.plan).toMatchObject({ toAdd: ['x'], toRemove: ['u8', 'u9'], current: 10, desired: 9, removalShare: 0.2, refused: false });

    const refused = await ctx.service.syncRoomMembers('team', ['u0'], { dryRun: true });
    expect(refused).toMatchObject({ ok: false, dryRun: true });
    expect(refused.plan).toMatchObject({ toRemove: ids(9, 'u', 1), removalShare: 0.9, refused: true });
    expect(writes()).toEqual([]);
    expect(members()).toEqual(ids(10).sort());
  });

  it('only adds with removeExtra: false', async () => {
    await seed(ids(5), ['x']);
    const report = await ctx.service.syncRoomMembers('team', ['x'], { removeExtra: false });
    expect(report).toMatchObject({ ok: true, added: ['x'], removed: [], unchanged: 0 });
    expect(report.plan).toMatchObject({ extra: 5, toRemove: [] });
    expect(members()).toHaveLength(6);
  });

  describe('the mass-removal guard', () => {
    it('refuses to remove more than half the room, writing nothing, and names the options that allow it', async () => {
      await seed(ids(10), ['x']);
      const error = await ctx.service.syncRoomMembers('team', ['u0', 'u1', 'u2', 'u3', 'x']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EthoraMassRemovalError);
      expect(error).toMatchObject({ code: 'mass_removal_refused', chatId: 'team', currentMembers: 10, wouldRemove: 6, maxRemovalShare: 0.5 });
      expect((error as Error).message).toBe(
        'Refused to sync room "team": it would remove 6 of 10 members (60%), more than maxRemovalShare (50%). Nothing was changed. ' +
          'Check the desired list, then pass { allowMassRemoval: true } or a higher maxRemovalShare.',
      );
      expect(writes()).toEqual([]); // not even the grant of "x"
      expect(members()).toEqual(ids(10).sort());
    });

    it('lets exactly half through, and more with a higher maxRemovalShare or allowMassRemoval', async () => {
      await seed(ids(10));
      expect((await ctx.service.syncRoomMembers('team', ids(5))).removed).toHaveLength(5);
      expect((await ctx.service.syncRoomMembers('team', ids(1), { maxRemovalShare: 0.8 })).removed).toHaveLength(4);
      await expect(ctx.service.syncRoomMembers('team', [], { maxRemovalShare: 1 })).rejects.toThrow(EthoraMassRemovalError);
      expect((await ctx.service.syncRoomMembers('team', [], { allowMassRemoval: true })).removed).toEqual(['u0']);
      expect(members()).toEqual([]);
    });

    it('never lets an empty desired list empty a room silently, whatever maxRemovalShare says', async () => {
      await seed(ids(3));
      const error = await ctx.service.syncRoomMembers('team', [], { maxRemovalShare: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EthoraMassRemovalError);
      expect((error as Error).message).toBe(
        'Refused to sync room "team": it would remove all 3 members (an empty or broken desired list?). Nothing was changed. ' +
          'Pass { allowMassRemoval: true } to empty the room.',
      );
      expect(writes()).toEqual([]);
    });

    it('refuses removing the only member of a one-member room', async () => {
      await seed(['solo'], ['other']);
      await expect(ctx.service.syncRoomMembers('team', ['other'])).rejects.toMatchObject({ code: 'mass_removal_refused', wouldRemove: 1 });
    });
  });

  it('leaves the configured chatbot in the room and out of the counts', async () => {
    ctx = await createEthoraTestContext({ chatbotJid: 'helper-bot@xmpp.example.com' });
    ctx.emulator.addUsers([...ids(4), 'helper-bot'].map((userId) => ({ userId })));
    ctx.emulator.addRoom({ chatId: 'team', members: [...ids(4), 'helper-bot'] });
    const report = await ctx.service.syncRoomMembers('team', ids(3));
    expect(report).toMatchObject({ ok: true, removed: ['u3'], unchanged: 3 });
    expect(report.plan.current).toBe(4);
    expect(members()).toEqual(['helper-bot', 'u0', 'u1', 'u2']);
  });

  it('rejects with EthoraNotFoundError for a missing room, writing nothing', async () => {
    await seed([]);
    await expect(ctx.service.syncRoomMembers('nowhere', ['u0'])).rejects.toThrow(EthoraNotFoundError);
    expect(writes()).toEqual([]);
  });

  it("syncs a child app's room through forApp(), on the app-scoped routes", async () => {
    await seed([]);
    const childId = (await ctx.moduleRef.get(EthoraAppsService).createApp({ displayName: 'Child' }))._id;
    const child = ctx.service.forApp(childId);
    ctx.emulator.addUsers(['u0', 'u1', 'u2'].map((userId) => ({ userId })), childId);
    ctx.emulator.addRoom({ chatId: 'team', members: ['u0', 'u1'] }, childId);
    ctx.emulator.clearRequests();
    const report = await child.syncRoomMembers('team', ['u1', 'u2']);
    expect(report).toMatchObject({ added: ['u2'], removed: ['u0'], unchanged: 1, failed: [] });
    expect([...(ctx.emulator.state.room(childId, 'team')?.members ?? [])].sort()).toEqual(['u1', 'u2']);
    expect(ctx.emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v2/apps/${childId}/chats/users`,
      `POST /v2/apps/${childId}/chats/users-access`,
      `DELETE /v2/apps/${childId}/chats/users-access`,
    ]);
    expect(members()).toEqual([]);
  });

  it('reports progress over grants and removals together', async () => {
    await seed(ids(300), ids(150, 'new'));
    const seen: Array<[number, number]> = [];
    await ctx.service.syncRoomMembers('team', [...ids(200), ...ids(150, 'new')], { concurrency: 1, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([[100, 250], [150, 250], [250, 250]]);
  });

  describe('bad input, refused before anything is sent', () => {
    it.each([
      ['a string', 'u1', /desiredUserIds: must be an array or an \(async\) iterable of user ids, got "u1"/],
      ['null', null, /desiredUserIds: must be an array or an \(async\) iterable/],
      ['a bad id', ['ok', 'no/slash'], /desiredUserIds\[1\]/],
      ['a case-only duplicate', ['Ann', 'bob', 'ANN'], /desiredUserIds\[2\]: "ANN" appears twice \(also desiredUserIds\[0\]\)/],
      ['a prefixed duplicate', ['ann', 'PREFIX_ann'], /desiredUserIds\[1\]: "ann" appears twice \(also desiredUserIds\[0\]\)/],
    ])('%s', async (_name, desired, message) => {
      await seed(ids(2));
      const given = Array.isArray(desired) ? desired.map((id) => id.replace('PREFIX', ctx.emulator.appId)) : desired;
      const error = await ctx.service.syncRoomMembers('team', given as string[]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EthoraArgumentError);
      expect((error as Error).message).toMatch(message);
      expect(ctx.emulator.requests).toEqual([]);
    });

    it('bad options', async () => {
      await seed(ids(2));
      await expect(ctx.service.syncRoomMembers('team', [], { maxRemovalShare: 1.5 })).rejects.toThrow(/options\.maxRemovalShare: must be a number from 0 to 1/);
      await expect(ctx.service.syncRoomMembers('team', [], { dryRun: 'yes' as never })).rejects.toThrow(/options\.dryRun/);
      await expect(ctx.service.syncRoomMembers('team', [], { concurrency: 0 })).rejects.toThrow(/options\.concurrency/);
      await expect(ctx.service.syncRoomMembers('bad/room', [])).rejects.toThrow(/chatId/);
      expect(ctx.emulator.requests).toEqual([]);
    });

    it('a desired-id source that fails (a broken query) rejects the sync with nothing written', async () => {
      await seed(ids(2));
      async function* broken() {
        yield 'u0';
        throw new Error('database connection lost');
      }
      await expect(ctx.service.syncRoomMembers('team', broken())).rejects.toThrow('database connection lost');
      expect(ctx.emulator.requests).toEqual([]);
    });
  });
});
