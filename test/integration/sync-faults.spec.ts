import { afterEach, describe, expect, it } from '@jest/globals';
import { EthoraServerError } from '../../lib/errors/index.js';
import type { SyncRoomMembersReport } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const ids = (count: number, prefix = 'u', from = 0): string[] => Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);
const ACCESS = '/v2/chats/users-access';

describe('syncRoomMembers under faults', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  async function seed(rooms: Record<string, string[]>, others: string[], options = {}, emulatorOptions = {}): Promise<void> {
    ctx = await createEthoraTestContext({ maxRetries: 2, ...options }, emulatorOptions);
    const everyone = new Set([...Object.values(rooms).flat(), ...others]);
    ctx.emulator.addUsers([...everyone].map((userId) => ({ userId })));
    for (const [chatId, members] of Object.entries(rooms)) ctx.emulator.addRoom({ chatId, members });
    ctx.emulator.clearRequests();
  }
  const members = (chatId = 'team') => new Set(ctx.emulator.state.room(ctx.emulator.appId, chatId)?.members ?? []);
  const writes = () => ctx.emulator.requests.filter((r) => r.method !== 'GET');

  /** What a report claims is true of the room, and every planned change is either done or failed with a reason. */
  function expectTruthful(report: SyncRoomMembersReport, chatId = 'team'): void {
    const now = members(chatId);
    for (const id of report.added) expect(now.has(id)).toBe(true);
    for (const id of report.removed) expect(now.has(id)).toBe(false);
    const failed = new Set(report.failed.map((f) => f.userId));
    expect(report.added.length + report.removed.length + failed.size).toBe(report.plan.toAdd.length + report.plan.toRemove.length);
    for (const failure of report.failed) expect(failure.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(report.ok).toBe(report.failed.length === 0);
  }

  it('reports a failed grant chunk per user, still removes the leavers, and a re-run completes the rest', async () => {
    await seed({ team: ids(300) }, ids(250, 'new'));
    const desired = [...ids(200), ...ids(250, 'new')];
    // concurrency 1: the first grant chunk (new0–new99) fails all 3 attempts; the other two go through.
    ctx.emulator.faults.add({ method: 'POST', path: ACCESS, status: 503, times: 3 });

    const first = await ctx.service.syncRoomMembers('team', desired, { concurrency: 1 });

    expectTruthful(first);
    expect(first.ok).toBe(false);
    expect(first.failed.map((f) => f.userId)).toEqual(ids(100, 'new'));
    expect(first.failed[0]).toMatchObject({ change: 'add', error: { code: 'server_error', status: 503 } });
    expect(first.added).toEqual(ids(150, 'new', 100));
    expect(first.removed).toEqual(ids(100, 'u', 200));
    // Grants all went out before the first removal.
    const order = writes().map((r) => r.method);
    expect(order.lastIndexOf('POST')).toBeLessThan(order.indexOf('DELETE'));

    const second = await ctx.service.syncRoomMembers('team', desired);
    expect(second).toMatchObject({ ok: true, added: ids(100, 'new'), removed: [], unchanged: 350 });
    expect(members()).toEqual(new Set(desired));
  });

  it('retries member pages that fail or lose their connection, and plans from every page', async () => {
    await seed({ team: ids(1200) }, ['x']);
    ctx.emulator.faults.add({ method: 'GET', path: '/v2/chats/users', status: 503, times: 1 });
    ctx.emulator.faults.add({ method: 'GET', path: '/v2/chats/users', reset: true, times: 1 });

    const report = await ctx.service.syncRoomMembers('team', [...ids(1199), 'x']);

    expect(report).toMatchObject({ ok: true, unchanged: 1199, added: ['x'], removed: ['u1199'] });
    expect(report.plan.current).toBe(1200);
  });

  it('a read that fails after its retries rejects the sync with nothing written', async () => {
    await seed({ team: ids(600) }, ['x']);
    ctx.emulator.faults.add({ method: 'GET', path: '/v2/chats/users', status: 503 });
    await expect(ctx.service.syncRoomMembers('team', [...ids(600), 'x'])).rejects.toThrow(EthoraServerError);
    expect(writes()).toEqual([]);
  });

  it('a grant whose answer was lost is retried safely (grants are set operations)', async () => {
    await seed({ team: ids(10) }, ['x']);
    ctx.emulator.faults.add({ method: 'POST', path: ACCESS, reset: true, phase: 'after', times: 1 });
    const report = await ctx.service.syncRoomMembers('team', [...ids(10), 'x']);
    expect(report).toMatchObject({ ok: true, added: ['x'] });
    expect(members().has('x')).toBe(true);
  });

  it('a run cut short at its removals leaves every desired member in, and a re-run finishes', async () => {
    await seed({ team: ids(200) }, ids(100, 'new'), { timeoutMs: 200 });
    const desired = [...ids(120), ...ids(100, 'new')];
    ctx.emulator.faults.add({ method: 'DELETE', path: ACCESS, hang: true });

    const cut = await ctx.service.syncRoomMembers('team', desired);

    expectTruthful(cut);
    expect(cut.added).toHaveLength(100);
    expect(cut.failed.every((f) => f.change === 'remove' && f.error.code === 'timeout')).toBe(true);
    for (const id of desired) expect(members().has(id)).toBe(true);

    ctx.emulator.faults.clear();
    const rerun = await ctx.service.syncRoomMembers('team', desired);
    expect(rerun).toMatchObject({ ok: true, added: [], removed: ids(80, 'u', 120) });
    expect(members()).toEqual(new Set(desired));
  });

  it('converges on 20 rooms under random 503s, 429s and resets, re-running only what was not ok', async () => {
    const rooms = Object.fromEntries(Array.from({ length: 20 }, (_, r) => [`room-${r}`, ids(150, `r${r}-`)]));
    const desiredOf = (r: number) => [...ids(120, `r${r}-`), ...ids(40, `r${r}-new`)];
    const joiners = Array.from({ length: 20 }, (_, r) => ids(40, `r${r}-new`)).flat();
    await seed(rooms, joiners, { retryBaseDelayMs: 1, retryMaxDelayMs: 20 }, { seed: 7 });
    ctx.emulator.faults.add({ probability: 0.15, status: 503 });
    ctx.emulator.faults.add({ probability: 0.05, status: 429, retryAfter: 0 });
    ctx.emulator.faults.add({ probability: 0.03, reset: true });

    let pending = Array.from({ length: 20 }, (_, r) => r);
    let rounds = 0;
    while (pending.length > 0 && rounds < 8) {
      rounds++;
      const outcomes = await Promise.all(
        pending.map(async (r) => {
          try {
            const report = await ctx.service.syncRoomMembers(`room-${r}`, desiredOf(r), { concurrency: 2 });
            expectTruthful(report, `room-${r}`);
            return report.ok ? undefined : r;
          } catch {
            return r; // a read failed after its retries: nothing was written, run it again
          }
        }),
      );
      pending = outcomes.filter((r): r is number => r !== undefined);
    }
    expect(pending).toEqual([]);
    ctx.emulator.faults.clear();
    for (let r = 0; r < 20; r++) expect(members(`room-${r}`)).toEqual(new Set(desiredOf(r)));
  });
});
