import { DelayedError, type Job, type JobsOptions, type Queue, UnrecoverableError, WaitingChildrenError, Worker } from 'bullmq';
import type { BulkCreatedUser, BulkItemError, ProvisioningSteps, RoomOutcome } from './provisioning-steps.js';
import type { ChunkJobData, RequestJob, RequestJobData, RequestJobResult, RoomJobData, SyncJobData } from './queue-jobs.js';
import type { RunStore } from './run-store.js';
import { finishRevoke, revokeStep, syncStep } from './sync-processor.js';

/** Wait before polling a posted batch: Ethora finishes small batches in well under a second (ethora-api.md §7.3). */
const POLL_DELAY_MS = 250;
/** Wait of a chunk whose room has not been created yet (the room job is queued first, so this is rare). */
const ROOM_WAIT_MS = 200;
/** Queue pause after a 429 without `Retry-After`. */
const DEFAULT_PAUSE_MS = 1_000;

/**
 * A step either finished the job, or stored its progress and asks to run again after `delayMs`, or (a sync)
 * added child jobs and runs again once they have all finished.
 * @internal
 */
export type Next = { result: RequestJobResult } | { delayMs: number; data?: RequestJobData } | { children: RequestJob[]; data: RequestJobData };

/**
 * The processor of the request queue: one Ethora request per activation, so BullMQ's limiter is the request
 * rate. A 429 pauses the whole queue (every instance) for `Retry-After` and puts the job back without using an
 * attempt; a transient failure (5xx, connection, timeout) is thrown so BullMQ tries again with backoff; on the
 * last attempt, or for any other failure, the users of the step are reported failed and the job completes,
 * so the run always ends with a report.
 * @internal
 */
export function requestProcessor(steps: ProvisioningSteps, runs: RunStore, queue: Queue, childOptions: JobsOptions) {
  return async (job: Job<RequestJobData, RequestJobResult>, token?: string): Promise<RequestJobResult> => {
    // A sync job taken over after a crash may be back before the children it added have finished: wait for them.
    const data = job.data;
    if (data.kind === 'sync' && data.step !== 'read' && (await job.moveToWaitingChildren(token as string))) throw new WaitingChildrenError();
    let next: Next;
    try {
      next = await step(steps, runs, job);
    } catch (error) {
      next = await onFailure(steps, runs, queue, job, error);
    }
    if ('result' in next) return next.result;
    if ('children' in next) {
      // Children first, then the step: a worker killed in between redoes the step, and the same job ids add nothing.
      const parent = { id: job.id as string, queue: job.queueQualifiedName };
      await queue.addBulk(next.children.map(({ name, jobId, data }) => ({ name, data, opts: { ...childOptions, jobId, parent } })));
      await job.updateData(next.data);
      if (await job.moveToWaitingChildren(token as string)) throw new WaitingChildrenError();
      next = { delayMs: 0 };
    }
    if (next.data) await job.updateData(next.data);
    await job.moveToDelayed(Date.now() + next.delayMs, token);
    throw new DelayedError();
  };
}

function step(steps: ProvisioningSteps, runs: RunStore, job: Job<RequestJobData, RequestJobResult>): Promise<Next> {
  const data = job.data;
  if (data.kind === 'room') return roomStep(steps, runs, data);
  if (data.kind === 'chunk') return chunkStep(steps, runs, data);
  if (data.kind === 'revoke') return revokeStep(steps, runs, data);
  return syncStep(steps, runs, job as Job<SyncJobData, RequestJobResult>);
}

async function roomStep(steps: ProvisioningSteps, runs: RunStore, data: RoomJobData): Promise<Next> {
  const room = await steps.createRoom(data.room);
  await runs.setRoom(data.runKey, room);
  return { result: room };
}

async function chunkStep(steps: ProvisioningSteps, runs: RunStore, data: ChunkJobData): Promise<Next> {
  if (data.step === 'post') {
    const posted = await steps.postUsers(steps.readChunk(data.users));
    if ('jobId' in posted) return { delayMs: POLL_DELAY_MS, data: { ...data, step: 'poll', ethoraJobId: posted.jobId } };
    return { delayMs: 0, data: { ...data, step: 'grant', created: posted.created } };
  }
  if (data.step === 'poll') {
    const batch = await steps.pollUsers(steps.readChunk(data.users), data.ethoraJobId as string);
    if (batch.state === 'pending') return { delayMs: POLL_DELAY_MS };
    if (batch.state === 'completed') return { delayMs: 0, data: { ...data, step: 'grant', created: batch.created } };
    const error = { code: 'job_failed', message: `Ethora job ${data.ethoraJobId} failed: ${batch.message}` };
    if (!data.reposted) return { delayMs: 0, data: { ...data, step: 'post', ethoraJobId: undefined, reposted: true } };
    return finishChunk(runs, data, allFailed(steps, data, error));
  }
  const created = data.created ?? [];
  const existing = created.filter((user) => user.status !== 'failed').map((user) => user.userId);
  const room = await runs.room(data.runKey);
  if (!room) return { delayMs: ROOM_WAIT_MS };
  if (room.error || existing.length === 0) return finishChunk(runs, data, created, room.error);
  await steps.grant(data.chatId, existing);
  return finishChunk(runs, data, created);
}

async function onFailure(steps: ProvisioningSteps, runs: RunStore, queue: Queue, job: Job<RequestJobData>, error: unknown): Promise<Next> {
  const failure = steps.describeFailure(error);
  if (failure.kind === 'rate_limited') {
    await queue.rateLimit(failure.retryAfterMs ?? DEFAULT_PAUSE_MS);
    throw Worker.RateLimitError();
  }
  const data = job.data;
  // Ethora no longer knows the batch job (expired): post again, which is safe because users are uuid-keyed.
  if (data.kind === 'chunk' && data.step === 'poll' && failure.unknownJob) {
    return { delayMs: 0, data: { ...data, step: 'post', ethoraJobId: undefined } };
  }
  if (failure.kind === 'transient' && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
  // A sync that cannot read or plan fails its run (`waitForRun` rejects with the reason); nothing was written.
  if (data.kind === 'sync') throw new UnrecoverableError(`${failure.error.code}: ${failure.error.message}`);
  if (data.kind === 'revoke') return finishRevoke(runs, data, { done: [], failed: data.userIds.map((userId) => ({ userId, change: 'remove', error: failure.error })) });
  if (data.kind === 'room') {
    const room: RoomOutcome = { status: 'failed', error: failure.error };
    await runs.setRoom(data.runKey, room);
    return { result: room };
  }
  if (data.step === 'grant') return finishChunk(runs, data, data.created ?? [], failure.error);
  return finishChunk(runs, data, allFailed(steps, data, failure.error));
}

function allFailed(steps: ProvisioningSteps, data: ChunkJobData, error: BulkItemError): BulkCreatedUser[] {
  return steps.readChunk(data.users).map((user) => ({ userId: user.uuid, status: 'failed', error }));
}

/** Ends a chunk: every created user is granted unless `grantError` says why not. */
async function finishChunk(runs: RunStore, data: ChunkJobData, created: BulkCreatedUser[], grantError?: BulkItemError): Promise<Next> {
  const users = created.map((user) => {
    const granted = user.status !== 'failed' && !grantError;
    const error = user.error ?? (granted ? undefined : grantError);
    return { userId: user.userId, status: user.status, granted, ...(error && { error }) };
  });
  const failed = users.filter((user) => !user.granted).length;
  await runs.chunkDone(data.runKey, data.index, users.length, failed);
  return { result: { start: data.start, users } };
}
