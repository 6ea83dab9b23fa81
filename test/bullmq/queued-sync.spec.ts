import { describe, expect, it } from '@jest/globals';
import type { EthoraQueueModuleOptions } from '../../lib/bullmq/index.js';
import { EthoraArgumentError, EthoraMassRemovalError, type BulkUserInput, type SyncWorkspaceReport } from '../../lib/index.js';
import type { EthoraEmulator } from '../../lib/testing/index.js';
import { workspaceUsers } from '../reliability/support/workspace-users.js';
import { queueTestbed, type QueueApp } from './support/queue-app.js';

const testbed = queueTestbed();
let emulator: EthoraEmulator;

/** A fresh emulator and an app instance with workers; `observer()` adds a second instance, without workers, on the same queue. */
async function start(queue: Partial<EthoraQueueModuleOptions> = {}): Promise<QueueApp> {
  const app = await testbed.start(queue);
  emulator = app.emulator;
  return app;
}

const idsOf = (users: BulkUserInput[]) => users.map((user) => user.userId);
const members = (chatId: string) => [...(emulator.state.room(emulator.appId, chatId)?.members ?? [])].sort();
const writes = () => emulator.requests.filter((request) => request.method !== 'GET');

describe('EthoraProvisioningQueue.syncWorkspace (real Redis, emulator over HTTP)', () => {
  it('follows the app over member pages: joiners created or found and granted before leavers are removed; a second run only reads', async () => {
    const { queue, observer } = await start();
    const current = workspaceUsers('ws', 600);
    emulator.addUsers([...idsOf(current), 'known'].map((userId) => ({ userId })));
    emulator.addRoom({ chatId: 'ws', members: idsOf(current) });
    emulator.clearRequests();
    const joiners = workspaceUsers('joiner', 15);
    const desired = [...current.slice(0, 580), ...joiners, { userId: 'known' }];

    await Promise.all([1, 2, 3].map(() => queue.syncWorkspace('ws', desired, { runKey: 'sync-1' })));
    const report = await queue.waitForRun<SyncWorkspaceReport>('sync-1', { timeoutMs: 20_000 });

    expect(report).toMatchObject({ ok: true, dryRun: false, chatId: 'ws', room: { status: 'exists' }, unchanged: 580, failed: [] });
    expect(report.added).toEqual([...idsOf(joiners), 'known']);
    expect(report.created).toEqual(idsOf(joiners));
    expect(report.removed).toEqual(idsOf(current.slice(580)));
    expect(members('ws')).toEqual(idsOf(desired).sort());
    const access = writes().filter((request) => request.path === '/v2/chats/users-access');
    expect(access.map((request) => request.method)).toEqual(['POST', 'DELETE']);
    expect(emulator.requests.filter((request) => request.method === 'GET' && request.query.offset !== undefined).map((r) => r.query.offset)).toEqual(['0', '500']);
    expect(await (await observer()).getRun('sync-1')).toEqual({ runKey: 'sync-1', state: 'completed', progress: { done: 36, total: 36, failed: 0 } });

    emulator.clearRequests();
    const { runKey } = await queue.syncWorkspace('ws', desired);
    const second = await queue.waitForRun<SyncWorkspaceReport>(runKey, { timeoutMs: 20_000 });
    expect(second).toMatchObject({ ok: true, added: [], removed: [], created: [], unchanged: 596 });
    expect(writes()).toEqual([]);
  });

  it('creates a missing room and its users', async () => {
    const { queue } = await start();
    const users = workspaceUsers('fresh', 150);
    const { runKey } = await queue.syncWorkspace('fresh', users, { roomData: { title: 'Fresh' } });
    const report = await queue.waitForRun<SyncWorkspaceReport>(runKey, { timeoutMs: 20_000 });
    expect(report).toMatchObject({ ok: true, room: { status: 'created' }, unchanged: 0, removed: [], failed: [] });
    expect(report.added).toEqual(idsOf(users));
    expect(report.created).toEqual(idsOf(users));
    expect(members('fresh')).toEqual(idsOf(users).sort());
    expect(emulator.state.room(emulator.appId, 'fresh')?.title).toBe('Fresh');
  });

  it('rides out 503s, resets and a 429 on reads and writes', async () => {
    const { queue } = await start({ attempts: 10 });
    const current = workspaceUsers('faulty', 700);
    emulator.addUsers(idsOf(current).map((userId) => ({ userId })));
    emulator.addRoom({ chatId: 'faulty', members: idsOf(current) });
    emulator.faults.add({ method: 'DELETE', path: '/v2/chats/users-access', status: 429, retryAfter: 1, times: 1 });
    emulator.faults.add({ probability: 0.1, status: 503 });
    emulator.faults.add({ probability: 0.05, reset: true });
    const desired = [...current.slice(0, 450), ...workspaceUsers('new', 120)];
    const { runKey } = await queue.syncWorkspace('faulty', desired);
    const report = await queue.waitForRun<SyncWorkspaceReport>(runKey, { timeoutMs: 40_000 });
    expect(report).toMatchObject({ ok: true, unchanged: 450, failed: [] });
    expect(report.removed).toHaveLength(250);
    expect(members('faulty')).toEqual(idsOf(desired).sort());
  });

  it('refuses a mass removal before writing anything, and empties the room with allowMassRemoval', async () => {
    const { queue, observer } = await start();
    const people = workspaceUsers('guarded', 4);
    emulator.addUsers(idsOf(people).map((userId) => ({ userId })));
    emulator.addRoom({ chatId: 'guarded', members: idsOf(people) });
    emulator.clearRequests();

    await queue.syncWorkspace('guarded', [], { runKey: 'empty' });
    await expect(queue.waitForRun('empty', { timeoutMs: 20_000 })).rejects.toThrow(EthoraMassRemovalError);
    expect(writes()).toEqual([]);
    expect(members('guarded')).toHaveLength(4);
    expect(await (await observer()).getRun('empty')).toMatchObject({ state: 'failed', progress: { done: 0, total: 0 } });

    await queue.syncWorkspace('guarded', people.slice(0, 1), { runKey: 'most', maxRemovalShare: 0.8 });
    const report = await queue.waitForRun<SyncWorkspaceReport>('most', { timeoutMs: 20_000 });
    expect(report).toMatchObject({ ok: true, removed: idsOf(people.slice(1)), unchanged: 1 });
    await queue.syncWorkspace('guarded', [], { runKey: 'allowed', allowMassRemoval: true });
    expect(await queue.waitForRun<SyncWorkspaceReport>('allowed', { timeoutMs: 20_000 })).toMatchObject({ ok: true, removed: idsOf(people.slice(0, 1)) });
    expect(members('guarded')).toEqual([]);
  });

  it('checks arguments before anything is queued', async () => {
    const { observer } = await start();
    const queue = await observer();
    await expect(queue.syncWorkspace('bad:id', [])).rejects.toThrow(EthoraArgumentError);
    await expect(queue.syncWorkspace('ok', [{ userId: 'a' }], { runKey: 'has:colon' })).rejects.toThrow(/options\.runKey/);
    await expect(queue.syncWorkspace('ok', [{ userId: 'a' }], { maxRemovalShare: 2 })).rejects.toThrow(/options\.maxRemovalShare/);
    await expect(queue.syncWorkspace('ok', [{ userId: 'a' }], { dryRun: true } as never)).rejects.toThrow(/options\.dryRun/);
    await expect(queue.syncWorkspace('ok', [{ userId: 'a' }, { userId: 'A' }])).rejects.toThrow(EthoraArgumentError);
  });
});
