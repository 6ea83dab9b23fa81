import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraJobError } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('broadcast and waitForJob', () => {
  let ctx: EthoraTestContext;
  let appId: string;

  beforeAll(async () => {
    ctx = await createEthoraTestContext();
    appId = ctx.emulator.appId;
  });
  afterAll(() => ctx.close());
  beforeEach(() => {
    ctx.emulator.reset();
    ctx.emulator.addRoom({ chatId: 'r1' });
    ctx.emulator.addRoom({ chatId: 'r2' });
  });

  describe('broadcast', () => {
    it('sends to all rooms and waits for the job by default', async () => {
      const result = await ctx.service.broadcast({ text: 'Hello all', allRooms: true });
      expect(result.job).toMatchObject({ state: 'completed', result: { sent: 2 } });
      expect(result.jobId).toEqual(expect.any(String));
      expect(ctx.emulator.state.broadcasts()).toEqual([expect.objectContaining({ text: 'Hello all', chatNames: [`${appId}_r1`, `${appId}_r2`] })]);
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'POST', path: `/v2/apps/${appId}/chats/broadcast`, body: { text: 'Hello all', allRooms: true } });
    });

    it('maps chatIds to prefixed chatNames', async () => {
      await ctx.service.broadcast({ text: 'Hi', chatIds: ['r2'] });
      expect(ctx.emulator.requests[0].body).toEqual({ text: 'Hi', chatNames: [`${appId}_r2`] });
      expect(ctx.emulator.state.broadcasts()[0].chatNames).toEqual([`${appId}_r2`]);
    });

    it('returns the ticket at once with wait: false; waitForJob finishes it', async () => {
      ctx.emulator.jobs.configure({ delayMs: 100 });
      const ticket = await ctx.service.broadcast({ text: 'Later', chatNames: ['r1'] }, { wait: false });
      expect(ticket.job).toBeUndefined();
      expect(ctx.emulator.state.broadcasts()).toEqual([]);
      const job = await ctx.service.waitForJob({ jobId: ticket.jobId as string, statusUrl: ticket.statusUrl }, { kind: 'broadcast', pollIntervalMs: 1 });
      expect(job).toMatchObject({ state: 'completed', result: { sent: 1 } });
      expect(ctx.emulator.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(1);
    });

    it('rejects with EthoraJobError when the job fails, and is never retried', async () => {
      ctx.emulator.jobs.failNext();
      await expect(ctx.service.broadcast({ text: 'x', allRooms: true })).rejects.toMatchObject({ name: 'EthoraJobError', reason: 'failed', code: 'job_failed' });
      ctx.emulator.faults.add({ method: 'POST', path: `/v2/apps/${appId}/chats/broadcast`, status: 503, times: 1 });
      await expect(ctx.service.broadcast({ text: 'x', allRooms: true })).rejects.toMatchObject({ status: 503, attempts: 1 });
    });

    it('checks the target and wait options before sending', async () => {
      await expect(ctx.service.broadcast({ text: 'x' } as never)).rejects.toMatchObject({ argument: 'request' });
      await expect(ctx.service.broadcast({ text: 'x', allRooms: true, chatIds: ['r1'] } as never)).rejects.toMatchObject({ argument: 'request' });
      await expect(ctx.service.broadcast({ text: '', allRooms: true })).rejects.toMatchObject({ argument: 'request.text' });
      await expect(ctx.service.broadcast({ text: 'x', allRooms: true }, { wait: { timeoutMs: -1 } })).rejects.toMatchObject({
        argument: 'options.wait.timeoutMs',
      });
      expect(ctx.emulator.requests).toHaveLength(0);
    });
  });

  describe('waitForJob', () => {
    it('waits for a user job by id on the users poll route', async () => {
      await ctx.service.createUser('alice');
      const userJob = ctx.emulator.state.jobs().find((j) => j.kind === 'users');
      const job = await ctx.service.waitForJob<{ results: unknown[] }>(userJob!.jobId, { kind: 'users' });
      expect(job.result?.results).toHaveLength(1);
      expect(ctx.emulator.requests.at(-1)?.path).toBe(`/v2/apps/${appId}/users/batch/${userJob!.jobId}`);
    });

    it('times out and aborts with EthoraJobError', async () => {
      ctx.emulator.jobs.configure({ delayMs: 600_000 });
      const { jobId } = await ctx.service.broadcast({ text: 'slow', allRooms: true }, { wait: false });
      await expect(ctx.service.waitForJob(jobId as string, { kind: 'broadcast', timeoutMs: 30, pollIntervalMs: 5 })).rejects.toMatchObject({
        reason: 'timeout',
      });
      const controller = new AbortController();
      const waiting = ctx.service.waitForJob(jobId as string, { kind: 'broadcast', signal: controller.signal, pollIntervalMs: 5 });
      setTimeout(() => controller.abort(), 20);
      await expect(waiting).rejects.toBeInstanceOf(EthoraJobError);
      await expect(waiting).rejects.toMatchObject({ reason: 'aborted' });
    });

    it('refuses a bad job id or kind before polling', async () => {
      await expect(ctx.service.waitForJob('a/b', { kind: 'users' })).rejects.toMatchObject({ argument: 'job' });
      await expect(ctx.service.waitForJob('j', { kind: 'rooms' as never })).rejects.toMatchObject({ argument: 'options.kind' });
      expect(ctx.emulator.requests).toHaveLength(0);
    });
  });
});
