/** States of an async Ethora job (user batches, broadcasts). */
export type EthoraJobState = 'pending' | 'running' | 'completed' | 'failed';

/** An async job as `GET .../batch/{jobId}` answers it. Fields beyond these are kept as sent. */
export interface EthoraJob<TResult = unknown> {
  jobId?: string;
  state: EthoraJobState;
  result?: TResult;
  error?: unknown;
  [field: string]: unknown;
}

/** The answer that starts an async job: `202 { jobId, statusUrl? }`. */
export interface EthoraJobTicket {
  jobId: string;
  statusUrl?: string;
  [field: string]: unknown;
}

/** How to wait for a job. */
export interface WaitForJobOptions {
  /** Give up after this many ms (`EthoraJobError` reason `timeout`). Default: the module's `jobTimeoutMs` (120000). */
  timeoutMs?: number;
  /** Stop waiting when aborted (`EthoraJobError` reason `aborted`). */
  signal?: AbortSignal;
  /** Delay before the first poll, in ms; later polls back off ×2 up to `maxPollIntervalMs`. Default 50. */
  pollIntervalMs?: number;
  /** Longest pause between polls, in ms. Default 1000 (Ethora's own clients poll every 1–1.5 s). */
  maxPollIntervalMs?: number;
}

/** Kinds of async job: user batches and broadcasts, each polled on its own route. */
export type EthoraJobKind = 'users' | 'broadcast';

/** Arguments of `waitForJob`: which kind of job, and how to wait. The app is the API's own (`forApp` for a child app). */
export interface WaitForJobRequest extends WaitForJobOptions {
  kind: EthoraJobKind;
}
