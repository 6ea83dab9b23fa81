import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EthoraQueueRuntime } from './ethora-queue.runtime.js';
import {
  assertPlanAllowed,
  EthoraArgumentError,
  EthoraJobError,
  ProvisioningSteps,
  type BulkUserInput,
  type CreateChatRoomData,
  type ProvisionWorkspaceReport,
  type SyncWorkspaceOptions,
  type SyncWorkspaceReport,
} from './provisioning-steps.js';
import { chunkJobs, jobIds, type RequestJob, type RunJobData, type SyncJobData } from './queue-jobs.js';
import type { RunReport } from './run-report.js';
import type { RunProgress } from './run-store.js';

/** Options of `EthoraProvisioningQueue.provisionWorkspace`. */
export interface QueuedProvisionOptions {
  /** Names the run: enqueuing the same key again adds nothing. Letters, digits, `_`, `-`, `.`. Default: a random UUID. */
  runKey?: string;
  /** Passed to `createChatRoom` (title, type, description, ...). */
  roomData?: CreateChatRoomData;
}

/**
 * Options of `EthoraProvisioningQueue.syncWorkspace`: the guard's and `removeExtra` as on the in-process
 * `syncWorkspace`, the room to create when it is missing, and the run key.
 */
export interface QueuedSyncOptions extends Pick<SyncWorkspaceOptions, 'roomData' | 'removeExtra' | 'maxRemovalShare' | 'allowMassRemoval'> {
  /** Names the run: enqueuing the same key again adds nothing. Letters, digits, `_`, `-`, `.`. Default: a random UUID. */
  runKey?: string;
}

/** Options of `waitForRun`. */
export interface WaitForRunOptions {
  /** Reject with `EthoraJobError` (reason `timeout`) after this many ms. Default: wait as long as it takes. */
  timeoutMs?: number;
  /** Reject with `EthoraJobError` (reason `aborted`) when aborted; the run itself goes on. */
  signal?: AbortSignal;
}

/** Where a run stands, as seen from any instance. */
export interface EthoraRunStatus {
  runKey: string;
  /** `waiting` (nothing done yet), `running`, `completed` (the report is ready) or `failed`. */
  state: 'waiting' | 'running' | 'completed' | 'failed';
  progress: RunProgress;
}

const FIRST_CHECK_MS = 100;
const MAX_CHECK_MS = 500;

/**
 * Durable workspace provisioning on BullMQ: `provisionWorkspace` enqueues a run and returns at once; the
 * workers of every instance share the work under one rate limit; any instance can ask how far a run is
 * (`getRun`) or wait for its report (`waitForRun`). Needs `EthoraQueueModule` (and `EthoraChatModule` with
 * `isGlobal: true`).
 */
@Injectable()
export class EthoraProvisioningQueue {
  constructor(
    private readonly runtime: EthoraQueueRuntime,
    private readonly steps: ProvisioningSteps,
  ) {}

  /**
   * Enqueues a run: one job for the room, one per 100 users (create, wait for Ethora's job, grant), and a
   * report job. Every argument is checked first (`EthoraArgumentError`, nothing enqueued). Enqueuing the same
   * `runKey` again returns the same key and runs nothing twice.
   */
  async provisionWorkspace(chatId: string, users: BulkUserInput[], options: QueuedProvisionOptions = {}): Promise<{ runKey: string }> {
    const plan = this.steps.readRun(chatId, users, options);
    const runKey = plan.runKey ?? randomUUID();
    if (await this.runtime.runs.getJob(jobIds.run(runKey))) return { runKey };
    await this.runtime.store.create(runKey, plan.users.length);
    const room: RequestJob = { name: 'room', jobId: jobIds.room(runKey), data: { kind: 'room', runKey, room: plan.room } };
    await this.enqueue({ runKey, chatId: plan.chatId, total: plan.users.length }, [room, ...chunkJobs(runKey, plan.chatId, plan.users)]);
    return { runKey };
  }

  /**
   * Enqueues a durable membership sync, the queued `syncWorkspace`: one job reads the room's members (a page of
   * 500 per activation), plans (the same plan and guard as in process, checked before any write), then adds the
   * grant jobs (the room when missing; create the missing users, grant; 100 per job), and once they have all
   * finished the removal jobs (100 per request). `waitForRun` resolves with a `SyncWorkspaceReport`, or rejects
   * with `EthoraMassRemovalError` for a sync the guard refused (nothing written). Arguments are checked first
   * (`EthoraArgumentError`, nothing enqueued); enqueuing the same `runKey` again runs nothing twice.
   */
  async syncWorkspace(chatId: string, users: BulkUserInput[], options: QueuedSyncOptions = {}): Promise<{ runKey: string }> {
    const plan = this.steps.readSync(chatId, users, options);
    const runKey = plan.runKey ?? randomUUID();
    if (await this.runtime.runs.getJob(jobIds.run(runKey))) return { runKey };
    await this.runtime.store.create(runKey, 0, plan.users);
    const data: SyncJobData = { kind: 'sync', runKey, chatId: plan.chatId, room: plan.room, guard: plan.guard, step: 'read', offset: 0 };
    const sync = { maxRemovalShare: plan.guard.maxRemovalShare };
    await this.enqueue({ runKey, chatId: plan.chatId, total: 0, sync }, [{ name: 'sync', jobId: jobIds.sync(runKey), data }]);
    return { runKey };
  }

  /**
   * Resolves with the run's report once it is done: the type of the in-process call the run stands for
   * (`ProvisionWorkspaceReport`, or `SyncWorkspaceReport` for `waitForRun<SyncWorkspaceReport>(key)`).
   * @throws EthoraArgumentError when no run has this key; EthoraJobError on timeout, abort or a failed run;
   * EthoraMassRemovalError for a sync the guard refused.
   */
  async waitForRun<Report extends ProvisionWorkspaceReport | SyncWorkspaceReport = ProvisionWorkspaceReport>(
    runKey: string,
    options: WaitForRunOptions = {},
  ): Promise<Report> {
    this.steps.readRunKey(runKey);
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    for (let interval = FIRST_CHECK_MS; ; interval = Math.min(interval * 2, MAX_CHECK_MS)) {
      const job: Job<RunJobData, RunReport> | undefined = await this.runtime.runs.getJob(jobIds.run(runKey));
      if (!job) throw new EthoraArgumentError('runKey', `no run "${runKey}" is known to this queue`);
      if (job.returnvalue && job.finishedOn) {
        if (job.data.sync) assertPlanAllowed((job.returnvalue as SyncWorkspaceReport).plan, job.data.sync);
        return job.returnvalue as Report;
      }
      if (job.failedReason && job.finishedOn) throw new EthoraJobError(runKey, 'failed', `Run ${runKey} failed: ${job.failedReason}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new EthoraJobError(runKey, 'timeout', `Run ${runKey} did not finish within ${options.timeoutMs}ms`);
      try {
        await sleep(Math.min(interval, remaining), undefined, { signal: options.signal });
      } catch {
        throw new EthoraJobError(runKey, 'aborted', `Waiting for run ${runKey} was aborted`);
      }
    }
  }

  /**
   * The run's state and progress (users done, failed so far, total; for a sync: changes, its total known once
   * planned), from any instance; `undefined` for an unknown key. A sync the guard refused is `failed`.
   */
  async getRun(runKey: string): Promise<EthoraRunStatus | undefined> {
    this.steps.readRunKey(runKey);
    const [job, progress] = await Promise.all([this.runtime.runs.getJob(jobIds.run(runKey)), this.runtime.store.progress(runKey)]);
    if (!job || !progress) return undefined;
    const refused = job.data.sync !== undefined && job.returnvalue?.plan?.refused === true;
    const finished = job.finishedOn !== undefined;
    const state = finished ? (job.failedReason || refused ? 'failed' : 'completed') : progress.done > 0 ? 'running' : 'waiting';
    return { runKey, state, progress };
  }

  /** Adds a run: its report job in the runs queue, with its request jobs as children (one BullMQ flow). */
  private async enqueue(data: RunJobData, children: RequestJob[]): Promise<void> {
    const { requestQueue, runQueue } = this.runtime.options;
    const opts = this.runtime.requestJobOptions;
    await this.runtime.flows.add({
      name: 'run',
      queueName: runQueue,
      data,
      opts: { jobId: jobIds.run(data.runKey) },
      children: children.map(({ name, jobId, data: child }) => ({ name, queueName: requestQueue, data: child, opts: { ...opts, jobId } })),
    });
  }
}
