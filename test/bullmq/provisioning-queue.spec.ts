import { describe, expect, it } from '@jest/globals';
import type { EthoraProvisioningQueue, EthoraQueueModuleOptions } from '../../lib/bullmq/index.js';
import { EthoraArgumentError } from '../../lib/index.js';
import type { EthoraEmulator } from '../../lib/testing/index.js';
import { workspaceUsers } from '../reliability/support/workspace-users.js';
import { queueTestbed } from './support/queue-app.js';

const testbed = queueTestbed();
let emulator: EthoraEmulator;

/** A fresh emulator and one app instance with workers. */
async function start(queue: Partial<EthoraQueueModuleOptions> = {}): Promise<EthoraProvisioningQueue> {
  const app = await testbed.start(queue);
  emulator = app.emulator;
  return app.queue;
}

describe('EthoraProvisioningQueue (real Redis, emulator over HTTP)', () => {
  it('provisions a room of 250 users and reports like the in-process provisionWorkspace', async () => {
    const queue = await start();
    const users = workspaceUsers('q-room', 250);
    const { runKey } = await queue.provisionWorkspace('q-room', users, { runKey: 'run-1' });
    expect(runKey).toBe('run-1');
    const report = await queue.waitForRun(runKey, { timeoutMs: 20_000 });
    expect(report).toMatchObject({ ok: true, chatId: 'q-room', chatName: `${emulator.appId}_q-room`, room: { status: 'created' } });
    expect(report.totals).toEqual({ users: 250, created: 250, existed: 0, failed: 0, granted: 250, notGranted: 0 });
    expect(report.users.map((user) => user.userId)).toEqual(users.map((user) => user.userId));
    expect(new Set(emulator.state.room(emulator.appId, 'q-room')?.members)).toEqual(new Set(users.map((user) => user.userId)));
    expect(await queue.getRun(runKey)).toEqual({ runKey, state: 'completed', progress: { done: 250, total: 250, failed: 0 } });
  });

  it('runs the same runKey once, however often it is enqueued', async () => {
    const queue = await start();
    const users = workspaceUsers('once', 120);
    await Promise.all([1, 2, 3].map(() => queue.provisionWorkspace('once', users, { runKey: 'same' })));
    await queue.waitForRun('same', { timeoutMs: 20_000 });
    const posts = () => emulator.requests.filter((request) => request.method === 'POST' && request.path === '/v2/users/batch').length;
    expect(posts()).toBe(2);
    await queue.provisionWorkspace('once', users, { runKey: 'same' });
    expect((await queue.waitForRun('same')).totals.created).toBe(120);
    expect(posts()).toBe(2);
  });

  it('rides out 503s, resets and a 429 with Retry-After (the queue pauses, no attempt is used up)', async () => {
    const queue = await start({ attempts: 8 });
    emulator.faults.add({ method: 'POST', path: '/v2/chats/users-access', status: 429, retryAfter: 1, times: 1 });
    emulator.faults.add({ probability: 0.15, status: 503 });
    emulator.faults.add({ probability: 0.05, reset: true });
    const { runKey } = await queue.provisionWorkspace('faulty', workspaceUsers('faulty', 500));
    const report = await queue.waitForRun(runKey, { timeoutMs: 40_000 });
    expect(report.ok).toBe(true);
    expect(emulator.state.room(emulator.appId, 'faulty')?.members).toHaveLength(500);
  });

  it('checks arguments before anything is queued, and knows no unknown run', async () => {
    const queue = await start({ worker: false });
    await expect(queue.provisionWorkspace('bad:id', [{ userId: 'a' }])).rejects.toThrow(EthoraArgumentError);
    await expect(queue.provisionWorkspace('ok', [{ userId: 'a' }], { runKey: 'has:colon' })).rejects.toThrow(/options\.runKey/);
    await expect(queue.provisionWorkspace('ok', [])).rejects.toThrow(/users/);
    expect(await queue.getRun('nobody')).toBeUndefined();
    await expect(queue.waitForRun('nobody')).rejects.toThrow(/no run "nobody"/);
  });

  it('reports progress from an instance without workers while another instance works', async () => {
    const producer = await start({ worker: false });
    const { runKey } = await producer.provisionWorkspace('later', workspaceUsers('later', 200), { runKey: 'later-run' });
    expect(await producer.getRun(runKey)).toEqual({ runKey, state: 'waiting', progress: { done: 0, total: 200, failed: 0 } });
    await expect(producer.waitForRun(runKey, { timeoutMs: 300 })).rejects.toMatchObject({ reason: 'timeout' });
  });
});
