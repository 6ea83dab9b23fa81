import { afterEach, describe, expect, it } from '@jest/globals';
import { EthoraArgumentError, type BulkUserInput } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const users = (count: number): BulkUserInput[] => Array.from({ length: count }, (_, i) => ({ userId: `m${i}`, displayName: `Member ${i}` }));
const ids = (count: number): string[] => users(count).map((u) => u.userId);

describe('bulkCreateUsers / bulkGrantAccess / bulkRemoveAccess', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  const requestsTo = (method: string, path: string) => ctx.emulator.requests.filter((r) => r.method === method && r.path === path);

  it('createUsers creates any number of users in batches of 100, reporting each in input order', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.addUser({ userId: 'm7' });
    const progress: number[] = [];
    const report = await ctx.service.bulkCreateUsers(users(250), { concurrency: 3, onProgress: (done) => progress.push(done) });

    expect(report.ok).toBe(true);
    expect(report.totals).toEqual({ users: 250, created: 249, existed: 1, failed: 0 });
    expect(report.users.map((u) => u.userId)).toEqual(ids(250));
    expect(report.users[7]).toMatchObject({ userId: 'm7', status: 'existed', serverStatus: 'exists' });
    expect(report.users[8]).toMatchObject({ userId: 'm8', status: 'created', xmppUsername: `${ctx.emulator.appId}_m8` });
    expect(requestsTo('POST', '/v2/users/batch').map((r) => (r.body as { usersList: unknown[] }).usersList.length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(progress.at(-1)).toBe(250);
    expect(ctx.emulator.state.user(ctx.emulator.appId, 'm19')).toMatchObject({ firstName: 'Member', lastName: '19' });
    expect(ctx.emulator.state.userCount()).toBe(250);
  });

  it('createUsers reports a batch that keeps failing, and an empty list sends nothing', async () => {
    ctx = await createEthoraTestContext({ maxRetries: 1 });
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 502, times: 2 });
    const report = await ctx.service.bulkCreateUsers(users(150), { concurrency: 1 });
    expect(report.ok).toBe(false);
    expect(report.totals).toEqual({ users: 150, created: 50, existed: 0, failed: 100 });
    expect(report.users[99]).toMatchObject({ status: 'failed', error: { code: 'server_error', status: 502 } });

    ctx.emulator.clearRequests();
    await expect(ctx.service.bulkCreateUsers([])).rejects.toThrow(/Invalid argument users: must hold at least one entry/);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('grants and removes access for any number of users, 100 per request', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.addUsers(users(230).map(({ userId }) => ({ userId })));
    ctx.emulator.addRoom({ chatId: 'big' });

    const granted = await ctx.service.bulkGrantAccess('big', ids(230));
    expect(granted).toMatchObject({ ok: true, chatId: 'big', totals: { users: 230, succeeded: 230, failed: 0 } });
    expect(granted.users[229]).toEqual({ userId: 'm229', status: 'granted' });
    const grants = requestsTo('POST', '/v2/chats/users-access');
    expect(grants.map((r) => (r.body as { members: string[] }).members.length).sort((a, b) => a - b)).toEqual([30, 100, 100]);
    expect((grants[0].body as { chatName: string; members: string[] }).chatName).toBe(`${ctx.emulator.appId}_big`);
    expect(ctx.emulator.state.room(ctx.emulator.appId, 'big')?.members).toHaveLength(230);

    const removed = await ctx.service.bulkRemoveAccess('big', ids(230).slice(0, 150), { concurrency: 1 });
    expect(removed.totals).toEqual({ users: 150, succeeded: 150, failed: 0 });
    expect(removed.users[0]).toEqual({ userId: 'm0', status: 'removed' });
    expect(requestsTo('DELETE', '/v2/chats/users-access')).toHaveLength(2);
    expect(ctx.emulator.state.room(ctx.emulator.appId, 'big')?.members).toHaveLength(80);
  });

  it('reports each user of a failed access chunk with the error', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.addUsers(users(120).map(({ userId }) => ({ userId })));
    const report = await ctx.service.bulkGrantAccess('no-such-room', ids(120));
    expect(report.ok).toBe(false);
    expect(report.totals).toEqual({ users: 120, succeeded: 0, failed: 120 });
    expect(report.users.every((u) => u.status === 'failed' && u.error?.status === 422)).toBe(true);
  });

  it('checks the ids before sending anything', async () => {
    ctx = await createEthoraTestContext();
    const list = ids(300);
    await expect(ctx.service.bulkGrantAccess('r', [...list, 'm42'])).rejects.toThrow(/userIds\[300\].*"m42" appears twice/);
    await expect(ctx.service.bulkRemoveAccess('r', ['ok', 'no/slash'])).rejects.toThrow(/userIds\[1\]/);
    await expect(ctx.service.bulkGrantAccess('bad chat', list)).rejects.toThrow(EthoraArgumentError);
    await expect(ctx.service.bulkCreateUsers([{ userId: 'a' }, { userId: 'a' }])).rejects.toThrow(/users\[1\]\.userId/);
    await expect(ctx.service.bulkCreateUsers(users(3), { concurrency: -1 })).rejects.toThrow(/options\.concurrency/);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});
