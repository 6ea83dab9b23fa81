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

/** How jobs run and how long finished ones are kept. */
export interface JobSettings {
  /** Time from acceptance to completion, on the server's clock. Default 50 ms; 0 completes before the 202 answer. */
  delayMs?: number;
  /** Finished jobs kept at most (oldest dropped first; a dropped job polls 404). Default 500. */
  maxFinished?: number;
  /** Finished jobs are dropped after this long. Default 5 minutes (clients poll for at most 2, §5). */
  finishedTtlMs?: number;
}

/** Defaults of {@link JobSettings}. */
export const DEFAULT_JOB_SETTINGS: Required<JobSettings> = { delayMs: 50, maxFinished: 500, finishedTtlMs: 300_000 };

/**
 * Runs user-batch and broadcast jobs on the server's own clock, as the real server does: a job is
 * `pending` for the first half of `delayMs`, `running` for the second, then `completed` or `failed`,
 * whether or not anyone polls (the official SDK never polls, §7.3). Its effect (users created,
 * messages sent) happens at completion. Finished jobs are bounded by count and age.
 */
export class JobRunner {
  private failBudget = 0;
  private settings: Required<JobSettings>;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Finished job ids, oldest first, with when they finished. */
  private finished: Array<{ jobId: string; at: number }> = [];
  private finishedHead = 0;

  /** @internal */
  constructor(
    private readonly store: EmulatorStore,
    private readonly initial: JobSettings,
  ) {
    this.settings = resolveJobSettings(initial);
  }

  /** The delay new jobs run for. */
  get delayMs(): number {
    return this.settings.delayMs;
  }

  /** Changes the settings for jobs accepted from now on (`reset()` restores the constructor's). */
  configure(settings: JobSettings): void {
    this.settings = resolveJobSettings({ ...this.settings, ...settings });
  }

  /** The next `n` user/broadcast jobs end in state `failed` and have no effect. */
  failNext(n = 1): void {
    if (!Number.isInteger(n) || n < 0) throw new TypeError('failNext(n) needs a non-negative integer');
    this.failBudget += n;
  }

  /** Jobs still armed to fail. */
  get pendingFailures(): number {
    return this.failBudget;
  }

  /** Finishes every unfinished job now, without waiting for its delay. */
  completeAll(): void {
    for (const job of this.store.jobs.values()) if (job.state === 'pending' || job.state === 'running') this.finish(job);
  }

  /** @internal */
  create(app: AppRecord, kind: JobKind, execute: JobRecord['execute'], settled?: () => void): JobRecord {
    this.evict(Date.now());
    const now = Date.now();
    const willFail = this.failBudget > 0;
    if (willFail) this.failBudget--;
    const iso = new Date(now).toISOString();
    const job: JobRecord = {
      jobId: this.store.newObjectId(),
      appId: app.appId,
      kind,
      state: 'pending',
      acceptedAt: now,
      delayMs: this.settings.delayMs,
      willFail,
      createdAt: iso,
      updatedAt: iso,
      execute,
      settled,
    };
    this.store.jobs.set(job.jobId, job);
    if (job.delayMs === 0) this.finish(job);
    else {
      const timer = setTimeout(() => this.finish(job), job.delayMs);
      timer.unref(); // a test runner must not wait for a job nobody reads
      this.timers.set(job.jobId, timer);
    }
    return job;
  }

  /** The job's state now. A job of another app or kind is "not found". @internal */
  poll(app: AppRecord, kind: JobKind, jobId: string): JobAnswer {
    const job = this.store.jobs.get(jobId);
    if (!job || job.appId !== app.appId || job.kind !== kind) throw notFound('JOB_NOT_FOUND', 'Job not found');
    if (job.state === 'pending' && Date.now() - job.acceptedAt >= job.delayMs / 2) {
      job.state = 'running';
      job.updatedAt = new Date().toISOString();
    }
    return answer(job);
  }

  /** Stops every timer; unfinished jobs stay as they are. @internal */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** @internal */
  reset(): void {
    this.stop();
    this.failBudget = 0;
    this.finished = [];
    this.finishedHead = 0;
    this.settings = resolveJobSettings(this.initial);
  }

  private finish(job: JobRecord): void {
    if (job.state === 'completed' || job.state === 'failed') return;
    clearTimeout(this.timers.get(job.jobId));
    this.timers.delete(job.jobId);
    job.updatedAt = new Date().toISOString();
    if (job.willFail) {
      job.state = 'failed';
      job.error = 'Job failed (injected by the emulator)';
    } else {
      job.result = job.execute(job.jobId);
      job.state = 'completed';
    }
    job.settled?.();
    this.finished.push({ jobId: job.jobId, at: Date.now() });
    this.evict(Date.now());
  }

  /** Drops finished jobs over the cap or past their time to live. */
  private evict(now: number): void {
    const { maxFinished, finishedTtlMs } = this.settings;
    while (this.finishedHead < this.finished.length) {
      const oldest = this.finished[this.finishedHead] as { jobId: string; at: number };
      if (this.finished.length - this.finishedHead <= maxFinished && now - oldest.at < finishedTtlMs) break;
      this.store.jobs.delete(oldest.jobId);
      this.finishedHead++;
    }
    // Compact now and then, so the id list does not grow with every job ever run.
    if (this.finishedHead > 1_024 && this.finishedHead * 2 > this.finished.length) {
      this.finished = this.finished.slice(this.finishedHead);
      this.finishedHead = 0;
    }
  }
}

function resolveJobSettings(input: JobSettings): Required<JobSettings> {
  const out = { ...DEFAULT_JOB_SETTINGS, ...stripUndefined(input) };
  for (const [name, value] of Object.entries(out)) {
    if (!Number.isInteger(value) || value < 0) throw new TypeError(`jobs.${name} must be a non-negative integer`);
  }
  return out;
}

function stripUndefined(input: JobSettings): JobSettings {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** @internal */
export function answer(job: JobRecord): JobAnswer {
  const out: JobAnswer = { jobId: job.jobId, state: job.state };
  if (job.result) out.result = job.result;
  if (job.error) out.error = job.error;
  return out;
}
