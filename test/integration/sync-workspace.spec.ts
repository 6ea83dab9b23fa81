import { afterEach, describe, expect, it } from '@jest/globals';
import { EthoraArgumentError, EthoraMassRemovalError, type BulkUserInput } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const people = (count: number, prefix = 'p', from = 0): BulkUserInput[] =>
  Array.from({ length: count }, (_, i) => ({ userId: `${prefix}${from + i}`, firstName: 'Ann', lastName: `No${from + i}` }));
const idsOf = (users: BulkUserInput[]) => users.map((u) => u.userId);

describe('syncWorkspace', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  const members = (chatId = 'ws') => [...(ctx.emulator.state.room(ctx.emulator.appId, chatId)?.members ?? [])].sort();
  const writes = () => ctx.emulator.requests.filter((r) => r.method !== 'GET');

  it('creates the missing room and users, grants them, and a second run sends only the reads', async () => {
    ctx = await createEthoraTestContext();
    const users = people(250);

    const first = await ctx.service.syncWorkspace('ws', users, { roomData: { title: 'Workspace' } });

    expect(first).toMatchObject({ ok: true, dryRun: false, room: { status: 'created' }, unchanged: 0, removed: [], failed: [] });
    expect(first.added).toEqual(idsOf(users));
    expect(first.created).toEqual(idsOf(users));
    expect(members()).toEqual(idsOf(users).sort());
    expect(ctx.emulator.state.room(ctx.emulator.appId, 'ws')?.title).toBe('Workspace');

    ctx.emulator.clearRequests();
    const second = await ctx.service.syncWorkspace('ws', users);
    expect(second).toMatchObject({ ok: true, room: { status: 'exists' }, added: [], removed: [], created: [], unchanged: 250 });
    expect(writes()).toEqual([]);
    expect(ctx.emulator.requests.map((r) => r.query.offset)).toEqual(['0']);
  });

  it('follows the app: joiners created (or found) and granted, leavers removed, existing users never re-created', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.addUsers([...idsOf(people(100)), 'known'].map((userId) => ({ userId })));
    ctx.emulator.addRoom({ chatId: 'ws', members: idsOf(people(100)) });
    ctx.emulator.clearRequests();
    const desired = [...people(80), ...people(15, 'joiner'), { userId: 'known' }];

    const report = await ctx.service.syncWorkspace('ws', desired);

    expect(report).toMatchObject({ ok: true, room: { status: 'exists' }, unchanged: 80, failed: [] });
    expect(report.added).toEqual([...idsOf(people(15, 'joiner')), 'known']);
    expect(report.created).toEqual(idsOf(people(15, 'joiner'))); // "known" existed: granted, not created
    expect(report.removed).toEqual(idsOf(people(20, 'p', 80)));
    expect(members()).toEqual(idsOf(desired).sort());
    const batches = ctx.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v2/users/batch');
    expect(batches.map((r) => (r.body as { usersList: unknown[] }).usersList.length)).toEqual([16]);
  });

  it('plans a missing room on dryRun without creating anything', async () => {
    ctx = await createEthoraTestContext();
    const report = await ctx.service.syncWorkspace('ws', people(3), { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, room: { status: 'missing' }, added: [], created: [] });
    expect(report.plan).toMatchObject({ toAdd: ['p0', 'p1', 'p2'], current: 0 });
    expect(writes()).toEqual([]);
    expect(ctx.emulator.state.roomCount()).toBe(0);
  });

  it('refuses an empty list for a populated room, and accepts it with allowMassRemoval', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.addUsers(idsOf(people(4)).map((userId) => ({ userId })));
    ctx.emulator.addRoom({ chatId: 'ws', members: idsOf(people(4)) });
    await expect(ctx.service.syncWorkspace('ws', [])).rejects.toThrow(EthoraMassRemovalError);
    expect(members()).toHaveLength(4);
    const emptied = await ctx.service.syncWorkspace('ws', [], { allowMassRemoval: true });
    expect(emptied).toMatchObject({ ok: true, removed: idsOf(people(4)), room: { status: 'exists' } });
    expect(members()).toEqual([]);
  });

  it('reports users whose creation failed as not added, and a re-run under no faults completes them', async () => {
    ctx = await createEthoraTestContext({ maxRetries: 1 });
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 503, times: 2 });
    const users = people(150);

    const first = await ctx.service.syncWorkspace('ws', users, { concurrency: 1 });
    expect(first.ok).toBe(false);
    expect(first.room).toEqual({ status: 'created' });
    expect(first.failed.map((f) => f.userId)).toEqual(idsOf(people(100)));
    expect(first.failed[0]).toMatchObject({ change: 'add', error: { code: 'server_error', status: 503 } });
    expect(first.added).toEqual(idsOf(people(50, 'p', 100)));

    const second = await ctx.service.syncWorkspace('ws', users);
    expect(second).toMatchObject({ ok: true, room: { status: 'exists' }, unchanged: 50, removed: [] });
    expect(second.added).toEqual(idsOf(people(100)));
    expect(members()).toEqual(idsOf(users).sort());
  });

  it('refuses bad users and options before anything is sent', async () => {
    ctx = await createEthoraTestContext();
    await expect(ctx.service.syncWorkspace('ws', [{ userId: 'a' }, { userId: 'A' }])).rejects.toThrow(/users\[1\]\.userId: "A" appears twice \(also users\[0\]\)/);
    await expect(ctx.service.syncWorkspace('ws', [{ userId: 'a', email: 'nope' }])).rejects.toThrow(EthoraArgumentError);
    await expect(ctx.service.syncWorkspace('ws', people(1), { roomData: { type: 'secret' } as never })).rejects.toThrow(/roomData\.type/);
    await expect(ctx.service.syncWorkspace('ws', people(1), { removeExtra: 1 as never })).rejects.toThrow(/options\.removeExtra/);
    expect(ctx.emulator.requests).toEqual([]);
  });
});
