import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { FlowJobNode } from 'bullmq';
import { EthoraQueueRuntime } from './ethora-queue.runtime.js';
import {
  CHUNK_SIZE,
  EthoraArgumentError,
  EthoraJobError,
  ProvisioningSteps,
  type BulkUserInput,
  type CreateChatRoomData,
  type ProvisionWorkspaceReport,
} from './provisioning-steps.js';
import { jobIds, type ChunkJobData, type RoomJobData, type RunJobData } from './queue-jobs.js';
import type { RunProgress } from './run-store.js';

/** Options of `EthoraProvisioningQueue.provisionWorkspace`. */
export interface QueuedProvisionOptions {
  /** Names the run: enqueuing the same key again adds nothing. Letters, digits, `_`, `-`, `.`. Default: a random UUID. */
  runKey?: string;
  /** Passed to `createChatRoom` (title, type, description, ...). */
  roomData?: CreateChatRoomData;
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
    const { requestQueue, runQueue } = this.runtime.options;
    const opts = this.runtime.requestJobOptions;
    const children: FlowJobNode[] = [
      { name: 'room', queueName: requestQueue, data: { kind: 'room', runKey, room: plan.room } satisfies RoomJobData, opts: { ...opts, jobId: jobIds.room(runKey) } },
    ];
    for (let index = 0, start = 0; start < plan.users.length; index++, start += CHUNK_SIZE) {
      const data: ChunkJobData = { kind: 'chunk', runKey, chatId: plan.chatId, index, start, users: plan.users.slice(start, start + CHUNK_SIZE), step: 'post' };
      children.push({ name: 'chunk', queueName: requestQueue, data, opts: { ...opts, jobId: jobIds.chunk(runKey, index) } });
    }
    const data: RunJobData = { runKey, chatId: plan.chatId, total: plan.users.length };
    await this.runtime.flows.add({ name: 'run', queueName: runQueue, data, opts: { jobId: jobIds.run(runKey) }, children });
    return { runKey };
  }

  /**
   * Resolves with the run's report (the same type as the in-process `provisionWorkspace`) once it is done.
   * @throws EthoraArgumentError when no run has this key; EthoraJobError on timeout, abort or a failed run.
   */
  async waitForRun(runKey: string, options: WaitForRunOptions = {}): Promise<ProvisionWorkspaceReport> {
    this.steps.readRunKey(runKey);
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    for (let interval = FIRST_CHECK_MS; ; interval = Math.min(interval * 2, MAX_CHECK_MS)) {
      const job = await this.runtime.runs.getJob(jobIds.run(runKey));
      if (!job) throw new EthoraArgumentError('runKey', `no run "${runKey}" is known to this queue`);
      if (job.returnvalue && job.finishedOn) return job.returnvalue as ProvisionWorkspaceReport;
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

  /** The run's state and progress (users done, failed so far, total), from any instance; `undefined` for an unknown key. */
  async getRun(runKey: string): Promise<EthoraRunStatus | undefined> {
    this.steps.readRunKey(runKey);
    const [job, progress] = await Promise.all([this.runtime.runs.getJob(jobIds.run(runKey)), this.runtime.store.progress(runKey)]);
    if (!job || !progress) return undefined;
    const finished = job.finishedOn !== undefined;
    const state = finished ? (job.failedReason ? 'failed' : 'completed') : progress.done > 0 ? 'running' : 'waiting';
    return { runKey, state, progress };
  }
}
