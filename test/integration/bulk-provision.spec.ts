import { afterEach, describe, expect, it } from '@jest/globals';
import { HttpService } from '@nestjs/axios';
import { EthoraArgumentError, EthoraConfigError, type BulkUserInput } from '../../lib/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const users = (count: number, prefix = 'u'): BulkUserInput[] =>
  Array.from({ length: count }, (_, i) => ({ userId: `${prefix}${i}`, firstName: 'Ann', lastName: `No${i}` }));

describe('provisionWorkspace', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  const count = (path: string, method = 'POST') => ctx.emulator.requests.filter((r) => r.method === method && r.path === path).length;
  const members = (chatId: string) => ctx.emulator.state.room(ctx.emulator.appId, chatId)?.members ?? [];

  it('onboards 1,000 users into a room in ≤ 40 requests: 1 room, 10 batches, their polls, 10 grants', async () => {
    ctx = await createEthoraTestContext();
    const report = await ctx.service.provisionWorkspace('all-hands', users(1000), { roomData: { title: 'All hands' } });

    expect(report).toMatchObject({ ok: true, chatId: 'all-hands', chatName: `${ctx.emulator.appId}_all-hands`, room: { status: 'created' } });
    expect(report.chatbot).toEqual({ status: 'skipped' });
    expect(report.totals).toEqual({ users: 1000, created: 1000, existed: 0, failed: 0, granted: 1000, notGranted: 0 });
    expect(report.users.map((u) => u.userId)).toEqual(users(1000).map((u) => u.userId));
    expect(report.users.every((u) => u.status === 'created' && u.granted && !u.error)).toBe(true);

    const requests = ctx.emulator.requests;
    expect(requests.length).toBeLessThanOrEqual(40);
    expect(count('/v2/chats')).toBe(1);
    expect(count('/v2/users/batch')).toBe(10);
    expect(count('/v2/chats/users-access')).toBe(10);
    expect(requests.filter((r) => r.route === '/v2/users/batch/:jobId')).toHaveLength(10);
    expect(requests.every((r) => r.status === 200 || r.status === 202)).toBe(true);
    expect(ctx.emulator.state.userCount()).toBe(1000);
    expect(members('all-hands')).toHaveLength(1000);
    expect(ctx.emulator.state.room(ctx.emulator.appId, 'all-hands')?.title).toBe('All hands');
  });

  it('accepts an existing room and existing users, reporting them as existed', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.addUsers(users(300).map(({ userId }) => ({ userId })));
    ctx.emulator.addRoom({ chatId: 'team', members: ['u0', 'u1'] });

    const report = await ctx.service.provisionWorkspace('team', users(500));

    expect(report.ok).toBe(true);
    expect(report.room).toEqual({ status: 'exists' });
    expect(report.totals).toMatchObject({ created: 200, existed: 300, failed: 0, granted: 500 });
    expect(report.users[299]).toEqual({ userId: 'u299', status: 'existed', granted: true });
    expect(report.users[300]).toEqual({ userId: 'u300', status: 'created', granted: true });
    expect(ctx.emulator.state.userCount()).toBe(500);
    expect(members('team')).toHaveLength(500);
  });

  it('reports a partial failure per user, and a re-run completes the rest with no duplicates', async () => {
    ctx = await createEthoraTestContext({ maxRetries: 2 });
    // concurrency 1 makes the order deterministic: batch 1 (u0–u99) fails all 3 attempts of its POST, so none of
    // its users exist and it grants nothing; batch 2 is created but its grant fails all 3 attempts; the rest succeed.
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 503, times: 3 });
    const grantFault = ctx.emulator.faults.add({ method: 'POST', path: '/v2/chats/users-access', status: 503, times: 3 });
    const input = users(450);
    const runOnce = () => ctx.service.provisionWorkspace('partial', input, { concurrency: 1 });

    const first = await runOnce();
    expect(grantFault.active).toBe(false);
    expect(first.ok).toBe(false);
    expect(first.users).toHaveLength(450);
    expect(first.users.slice(0, 100).every((u) => u.status === 'failed' && !u.granted && u.error?.code === 'server_error' && u.error.status === 503)).toBe(true);
    expect(first.users.slice(100, 200).every((u) => u.status === 'created' && !u.granted && u.error?.status === 503)).toBe(true);
    expect(first.users.slice(200).every((u) => u.status === 'created' && u.granted && !u.error)).toBe(true);
    expect(first.totals).toEqual({ users: 450, created: 350, existed: 0, failed: 100, granted: 250, notGranted: 200 });
    expect(first.users[0].error?.message).toMatch(/POST \/v2\/users\/batch failed with 503/);

    const second = await runOnce();
    expect(second.ok).toBe(true);
    expect(second.totals).toEqual({ users: 450, created: 100, existed: 350, failed: 0, granted: 450, notGranted: 0 });
    expect(second.users.slice(0, 100).every((u) => u.status === 'created')).toBe(true);
    const state = ctx.emulator.state;
    expect(state.userCount()).toBe(450);
    expect(new Set(state.users().map((u) => u.userId)).size).toBe(450);
    expect(state.roomCount()).toBe(1);
    expect(members('partial')).toHaveLength(450);
  });

  it('posts a batch again when its job ends failed, and reports the users if it fails again', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger });
    ctx.emulator.jobs.failNext(1);
    const once = await ctx.service.provisionWorkspace('retry-job', users(150), { concurrency: 1 });
    expect(once.ok).toBe(true);
    expect(once.totals).toMatchObject({ created: 150, failed: 0, granted: 150 });
    expect(count('/v2/users/batch')).toBe(3);
    expect(logger.at('warn').join('\n')).toMatch(/job .* failed.*posting the batch of 100 users once more/);

    ctx.emulator.jobs.failNext(2);
    const twice = await ctx.service.provisionWorkspace('retry-job', users(100, 'v'), { concurrency: 1 });
    expect(twice.ok).toBe(false);
    expect(twice.users.every((u) => u.status === 'failed' && !u.granted && u.error?.code === 'job_failed')).toBe(true);
    expect(twice.users[0].error?.message).toMatch(/failed: Job failed \(injected by the emulator\)/);
    expect(ctx.emulator.state.userCount()).toBe(150);
  });

  it('marks every user of a grant that keeps failing with 503 as not granted, with the error, dropping none', async () => {
    ctx = await createEthoraTestContext();
    ctx.emulator.faults.add({ method: 'POST', path: '/v2/chats/users-access', status: 503 });
    const report = await ctx.service.provisionWorkspace('down', users(250));

    expect(report.ok).toBe(false);
    expect(report.users.map((u) => u.userId)).toEqual(users(250).map((u) => u.userId));
    for (const user of report.users) {
      expect(user).toMatchObject({ status: 'created', granted: false, error: { code: 'server_error', status: 503 } });
    }
    expect(report.totals).toMatchObject({ users: 250, created: 250, granted: 0, notGranted: 250 });
    // 3 grants × 3 attempts each (maxRetries 2)
    expect(count('/v2/chats/users-access')).toBe(9);
    const text = JSON.stringify(report);
    expect(text).not.toContain(ctx.tokens.getServerToken());
    expect(text).not.toMatch(/Bearer|x-custom-token|password/i);
  });

  it('reports a room that cannot be created on every user, still creates the users, and a re-run completes', async () => {
    ctx = await createEthoraTestContext();
    const fault = ctx.emulator.faults.add({ method: 'POST', path: '/v2/chats', status: 503 });
    const first = await ctx.service.provisionWorkspace('no-room', users(120));
    expect(first.room).toMatchObject({ status: 'failed', error: { code: 'server_error', status: 503 } });
    expect(first.users.every((u) => u.status === 'created' && !u.granted && u.error?.status === 503)).toBe(true);
    expect(count('/v2/chats/users-access')).toBe(0);

    fault.remove();
    const second = await ctx.service.provisionWorkspace('no-room', users(120));
    expect(second).toMatchObject({ ok: true, room: { status: 'created' }, totals: { existed: 120, granted: 120 } });
  });

  it('adds the chatbot when asked', async () => {
    ctx = await createEthoraTestContext({ chatbotJid: 'helper-bot@xmpp.emulator.local' });
    ctx.emulator.addUser({ userId: 'helper-bot' });
    const report = await ctx.service.provisionWorkspace('with-bot', users(3), { addChatbot: true });
    expect(report).toMatchObject({ ok: true, chatbot: { status: 'granted' } });
    expect(members('with-bot').sort()).toEqual(['helper-bot', 'u0', 'u1', 'u2']);
  });

  it('calls onProgress after each batch, up to the total', async () => {
    ctx = await createEthoraTestContext();
    const calls: Array<[number, number]> = [];
    await ctx.service.provisionWorkspace('progress', users(250), { concurrency: 2, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toHaveLength(3);
    expect(calls.every(([, total]) => total === 250)).toBe(true);
    const done = calls.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(250);
  });

  it('a throwing onProgress is logged and does not stop the run', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger });
    const report = await ctx.service.provisionWorkspace('bad-callback', users(5), {
      onProgress: () => {
        throw new Error('callback bug');
      },
    });
    expect(report.ok).toBe(true);
    expect(logger.at('warn').join('\n')).toMatch(/onProgress failed and was ignored: callback bug/);
  });

  it('checks every argument before sending anything', async () => {
    ctx = await createEthoraTestContext();
    const list = users(200);
    list.push({ userId: 'u150' });
    const duplicate = await ctx.service.provisionWorkspace('x', list).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(EthoraArgumentError);
    expect(duplicate).toMatchObject({ argument: 'users[200].userId' });
    expect((duplicate as Error).message).toMatch(/"u150" appears twice \(also users\[150\]\)/);

    const cases: Array<[Promise<unknown>, RegExp]> = [
      [ctx.service.provisionWorkspace('bad/chat', users(1)), /chatId/],
      [ctx.service.provisionWorkspace('x', [...users(120), { userId: 'bad id' }]), /users\[120\]\.userId/],
      [ctx.service.provisionWorkspace('x', [...users(120), { userId: 'ok', firstName: 7 } as unknown as BulkUserInput]), /users\[120\]\.firstName/],
      [ctx.service.provisionWorkspace('x', users(1), { roomData: { type: 'secret' as 'group' } }), /roomData\.type/],
      [ctx.service.provisionWorkspace('x', users(1), { concurrency: 0 }), /options\.concurrency/],
      [ctx.service.provisionWorkspace('x', users(1), { addChatbot: 'yes' as unknown as boolean }), /options\.addChatbot/],
      [ctx.service.provisionWorkspace('x', 'u1' as unknown as BulkUserInput[]), /users/],
    ];
    for (const [call, argument] of cases) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EthoraArgumentError);
      expect((error as Error).message).toMatch(argument);
    }
    await expect(ctx.service.provisionWorkspace('x', users(1), { addChatbot: true })).rejects.toThrow(EthoraConfigError);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    ctx = await createEthoraTestContext({}, { latencyMs: 15 });
    const axiosRef = ctx.moduleRef.get(HttpService, { strict: false }).axiosRef;
    let inFlight = 0;
    let peak = 0;
    axiosRef.interceptors.request.use((config) => {
      peak = Math.max(peak, ++inFlight);
      return config;
    });
    axiosRef.interceptors.response.use(
      (response) => {
        inFlight--;
        return response;
      },
      (error: unknown) => {
        inFlight--;
        throw error;
      },
    );

    await ctx.service.provisionWorkspace('bounded-2', users(600, 'a'), { concurrency: 2 });
    expect(peak).toBe(2);
    peak = 0;
    const report = await ctx.service.provisionWorkspace('bounded-default', users(1000, 'b'));
    expect(report.ok).toBe(true);
    expect(peak).toBe(8);
  });
});
