import type { AppRecord, JobKind, JobRecord } from './emulator-records.js';
import type { EmulatorStore } from './emulator-store.js';
import { notFound } from './http-error.js';

/** What a job answers on a poll (ethora-api.md §5). @internal */
export interface JobAnswer {
  jobId: string;
  state: JobRecord['state'];
  result?: Record<string, unknown>;
  error?: string;
}

/**
 * Runs user-batch and broadcast jobs. A job is driven by polls: it answers `pending` on the first
 * poll, `running` on the next ones, and completes on poll `pollsBeforeComplete + 1`; its effect
 * (users created, messages sent) happens only then, so nothing is visible before the job reports it.
 */
export class JobRunner {
  private failBudget = 0;

  /** @internal */
  constructor(
    private readonly store: EmulatorStore,
    /** Polls answered pending/running before completion, for jobs created from now on. */
    public pollsBeforeComplete: number,
  ) {}

  /** The next `n` user/broadcast jobs end in state `failed` and have no effect. */
  failNext(n = 1): void {
    if (!Number.isInteger(n) || n < 0) throw new TypeError('failNext(n) needs a non-negative integer');
    this.failBudget += n;
  }

  /** Jobs still armed to fail. */
  get pendingFailures(): number {
    return this.failBudget;
  }

  /** Completes (or fails) every unfinished job now, as if each had been polled enough. */
  completeAll(): void {
    for (const job of this.store.jobs.values()) if (job.state === 'pending' || job.state === 'running') this.finish(job);
  }

  /** @internal */
  create(app: AppRecord, kind: JobKind, execute: JobRecord['execute']): JobRecord {
    const now = new Date().toISOString();
    const willFail = this.failBudget > 0;
    if (willFail) this.failBudget--;
    const job: JobRecord = {
      jobId: this.store.newObjectId(),
      appId: app.appId,
      kind,
      state: 'pending',
      polls: 0,
      pollsBeforeComplete: this.pollsBeforeComplete,
      willFail,
      createdAt: now,
      updatedAt: now,
      execute,
    };
    this.store.jobs.set(job.jobId, job);
    return job;
  }

  /** Advances a job by one poll. A job of another app or kind is "not found". @internal */
  poll(app: AppRecord, kind: JobKind, jobId: string): JobAnswer {
    const job = this.store.jobs.get(jobId);
    if (!job || job.appId !== app.appId || job.kind !== kind) throw notFound('JOB_NOT_FOUND', 'Job not found');
    if (job.state === 'pending' || job.state === 'running') {
      job.polls++;
      if (job.polls > job.pollsBeforeComplete) this.finish(job);
      else {
        job.state = job.polls === 1 ? 'pending' : 'running';
        job.updatedAt = new Date().toISOString();
      }
    }
    return answer(job);
  }

  /** @internal */
  reset(pollsBeforeComplete: number): void {
    this.failBudget = 0;
    this.pollsBeforeComplete = pollsBeforeComplete;
  }

  private finish(job: JobRecord): void {
    job.updatedAt = new Date().toISOString();
    if (job.willFail) {
      job.state = 'failed';
      job.error = 'Job failed (injected by the emulator)';
      return;
    }
    job.result = job.execute();
    job.state = 'completed';
  }
}

/** @internal */
export function answer(job: JobRecord): JobAnswer {
  const out: JobAnswer = { jobId: job.jobId, state: job.state };
  if (job.result) out.result = job.result;
  if (job.error) out.error = job.error;
  return out;
}
