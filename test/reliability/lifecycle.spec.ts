import { afterEach, describe, expect, it } from '@jest/globals';
import type { BulkUserInput } from '../../lib/index.js';
import { isEthoraApiError } from '../../lib/errors/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';
import { eventually, settleAll } from './support/settle.js';
import { workspaceUsers } from './support/workspace-users.js';

const ids = (users: BulkUserInput[]) => users.map((u) => u.userId);

/** A failure caused by the shutdown: the HTTP client's "shutting down" connection error. */
function isShutdownError(error: unknown): boolean {
  return isEthoraApiError(error) && error.code === 'connection_failed' && /shutting down/.test(error.message);
}

describe('shutdown under load', () => {
  let ctx: EthoraTestContext | undefined;
  afterEach(async () => {
    await ctx?.emulator.stop();
    ctx = undefined;
  });

  it('app.close() leaves the emulator with no open connection after bulk runs at concurrency 8', async () => {
    ctx = await createEthoraTestContext({}, { latencyMs: 5 });
    const { service, emulator } = ctx;
    const users = workspaceUsers('pool', 1_600);
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, emulator.openConnections)), 2);
    try {
      const created = await service.bulkCreateUsers(users, { concurrency: 8 });
      await service.createChatRoom('pool');
      const granted = await service.bulkGrantAccess('pool', ids(users), { concurrency: 8 });
      const provisioned = await service.provisionWorkspace('pool-2', workspaceUsers('pool-2', 1_000), { concurrency: 8 });
      expect([created.ok, granted.ok, provisioned.ok]).toEqual([true, true, true]);
    } finally {
      clearInterval(sample);
    }
    expect(peak).toBeGreaterThanOrEqual(8); // the pool really held 8 sockets
    expect(emulator.openConnections).toBeGreaterThan(0); // keep-alive sockets idle now

    await ctx.moduleRef.close();
    await eventually(() => emulator.openConnections === 0, 1_000, 'the keep-alive sockets to close');
  });

  it('bulk runs, job waits and single calls in flight at shutdown all settle with clear outcomes', async () => {
    // Every request takes 20 ms and jobs 300 ms, so plenty is in flight when the app closes.
    ctx = await createEthoraTestContext({ timeoutMs: 5_000, jobTimeoutMs: 60_000 }, { latencyMs: 20, jobs: { delayMs: 300 } });
    const { service, emulator } = ctx;
    emulator.addUsers(ids(workspaceUsers('existing', 400)).map((userId) => ({ userId })));
    emulator.addRoom({ chatId: 'existing-room' });
    emulator.faults.add({ path: '/v1/ping', hang: true });
    const ticket = await service.broadcast({ text: 'Hi', allRooms: true }, { wait: false });

    const provisioning = service.provisionWorkspace('shutdown', workspaceUsers('shutdown', 2_000), { concurrency: 8 });
    const creating = service.bulkCreateUsers(workspaceUsers('bulk', 1_000), { concurrency: 8 });
    const granting = service.bulkGrantAccess('existing-room', ids(workspaceUsers('existing', 400)), { concurrency: 2 });
    const updating = service.updateUsers(ids(workspaceUsers('existing', 400)).map((userId) => ({ userId, firstName: 'Renamed' })));
    const hanging = service.ping();
    // A job waited on with a long poll interval: shutdown must not wait the interval out.
    const waiting = service.waitForJob(ticket.jobId as string, { kind: 'broadcast', pollIntervalMs: 30_000 });
    const signal = new AbortController().signal; // the caller's own signal, never aborted
    const waitingWithSignal = service.waitForJob(ticket.jobId as string, { kind: 'broadcast', pollIntervalMs: 30_000, signal });
    const all = [provisioning, creating, granting, updating, hanging, waiting, waitingWithSignal] as Promise<unknown>[];

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(emulator.requests.some((r) => r.status === 'pending' || r.status === 'hang')).toBe(true);
    const closedAt = Date.now();
    await ctx.moduleRef.close();
    const settled = await settleAll(all, 3_000, 'calls in flight at shutdown');
    expect(Date.now() - closedAt).toBeLessThan(2_500);

    // Single calls, job waits included, reject with the clear shutdown error.
    for (const outcome of settled.slice(4)) expect(outcome.status === 'rejected' && isShutdownError(outcome.reason)).toBe(true);

    // Bulk calls resolve (they are settled now) to a report listing every user; what did not finish names the shutdown.
    const [provisioned, created, granted, updated] = [await provisioning, await creating, await granting, await updating];
    expect(provisioned.users.map((u) => u.userId)).toEqual(ids(workspaceUsers('shutdown', 2_000)));
    expect(created.users).toHaveLength(1_000);
    expect(granted.users).toHaveLength(400);
    expect(updated).toHaveLength(400);
    const unfinished = [
      ...provisioned.users.filter((u) => !u.granted).map((u) => u.error),
      ...created.users.filter((u) => u.status === 'failed').map((u) => u.error),
      ...granted.users.filter((u) => u.status === 'failed').map((u) => u.error),
    ];
    expect(unfinished.length).toBeGreaterThan(0); // the shutdown did interrupt the runs
    for (const error of unfinished) expect(error).toMatchObject({ code: 'connection_failed', message: expect.stringMatching(/shutting down/) });
    for (const result of updated.filter((r) => r.status === 'failed')) expect(isShutdownError(result.error)).toBe(true);

    await eventually(() => emulator.openConnections === 0, 1_000, 'the sockets to close');
  });
});
