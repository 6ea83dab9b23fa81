import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { EthoraJobError } from '../errors/ethora-job.error.js';
import { excerpt } from '../errors/safe-text.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import type { EthoraRoute } from '../http/ethora-routes.js';
import type { EthoraJob, WaitForJobOptions } from '../interfaces/ethora-jobs.interface.js';
import { inJobWaitSpan } from '../observability/workflow-spans.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';

const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 1_000;

/** Where to poll a job: its route and params, or the `statusUrl` the server gave. */
export interface JobLocation {
  jobId: string;
  route: EthoraRoute;
  params: Record<string, string>;
  statusUrl?: string;
}

/**
 * Polls an async job until it completes. The first poll comes promptly (most jobs are quick), later ones
 * back off, so waiting adds milliseconds, not seconds, and a long job costs few requests.
 */
@Injectable()
export class EthoraJobWaiter {
  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly http: EthoraHttpClient,
  ) {}

  /**
   * Resolves to the completed job, as the server sent it.
   * @throws EthoraJobError with reason `failed`, `timeout` or `aborted`; EthoraApiError when a poll fails.
   */
  async wait<TResult>(location: JobLocation, options: WaitForJobOptions = {}): Promise<EthoraJob<TResult>> {
    // Observability hook: one span per wait, with the number of polls.
    return inJobWaitSpan(location.jobId, location.params.appId, (countPoll) => this.pollUntilDone<TResult>(location, options, countPoll));
  }

  private async pollUntilDone<TResult>(location: JobLocation, options: WaitForJobOptions, countPoll: () => void): Promise<EthoraJob<TResult>> {
    const timeoutMs = options.timeoutMs ?? this.options.jobTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    const maxInterval = options.maxPollIntervalMs ?? MAX_POLL_MS;
    let interval = options.pollIntervalMs ?? FIRST_POLL_MS;
    const { jobId } = location;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new EthoraJobError(jobId, 'timeout', `Ethora job ${jobId} did not finish within ${timeoutMs}ms`);
      await this.pause(Math.min(interval, remaining), jobId, options.signal);
      countPoll();
      const job = await this.poll<TResult>(location, deadline, timeoutMs, options.signal);
      if (job.state === 'completed') return job;
      if (job.state === 'failed') {
        throw new EthoraJobError(jobId, 'failed', `Ethora job ${jobId} failed: ${describeJobError(job.error)}`, job.error);
      }
      interval = Math.min(interval * 2, maxInterval);
    }
  }

  // One poll, cut short when the deadline passes or the caller aborts while it is in flight (a hanging poll
  // must not stretch the wait past its deadline).
  private async poll<TResult>(location: JobLocation, deadline: number, timeoutMs: number, signal?: AbortSignal): Promise<EthoraJob<TResult>> {
    const { jobId } = location;
    const expiry = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    try {
      return await this.http.send<EthoraJob<TResult>>(location.route, {
        params: location.params,
        pathOverride: sameOriginPath(location.statusUrl),
        signal: signal ? AbortSignal.any([signal, expiry]) : expiry,
      });
    } catch (error) {
      if (this.http.closing.aborted) throw error;
      if (signal?.aborted) throw new EthoraJobError(jobId, 'aborted', `Waiting for Ethora job ${jobId} was aborted`);
      if (expiry.aborted) throw new EthoraJobError(jobId, 'timeout', `Ethora job ${jobId} did not finish within ${timeoutMs}ms`);
      throw error;
    }
  }

  private async pause(ms: number, jobId: string, signal?: AbortSignal): Promise<void> {
    const closing = this.http.closing;
    try {
      await sleep(ms, undefined, { signal: signal ? AbortSignal.any([signal, closing]) : closing });
    } catch {
      // Shutting down: the next poll rejects at once with the client's "shutting down" error.
      if (closing.aborted) return;
      throw new EthoraJobError(jobId, 'aborted', `Waiting for Ethora job ${jobId} was aborted`);
    }
  }
}

// A statusUrl is followed only as a path on the configured API origin: the token must not go elsewhere.
function sameOriginPath(statusUrl: string | undefined): string | undefined {
  if (!statusUrl) return undefined;
  if (statusUrl.startsWith('/') && !statusUrl.startsWith('//')) return statusUrl;
  return undefined;
}

/** A failed job's reason as the server gave it, quoted short and escaped like any server text. */
export function describeJobError(error: unknown): string {
  if (typeof error === 'string') return excerpt(error);
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return excerpt((error as { message: string }).message);
  }
  return 'no reason given';
}
