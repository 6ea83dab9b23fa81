import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { EthoraJobKind, EthoraJobTicket, WaitForJobOptions, WaitForJobRequest } from '../interfaces/ethora-jobs.interface.js';
import { assertId } from '../validation/arguments.js';
import { assertObject, assertOptionalOneOf, assertOptionalText } from '../validation/request-arguments.js';
import type { JobLocation } from './ethora-job-waiter.js';
import { jobLocation } from './job-locations.js';
import { assertWaitOptions } from './wait-options.js';

const JOB_KINDS: readonly EthoraJobKind[] = ['users', 'broadcast'];

/**
 * Checks the arguments of `waitForJob` (`job`: an id or a `{ jobId, statusUrl? }` ticket; `options.kind`
 * required) and splits them into where to poll (a job of `appId`) and how to wait.
 */
export function readJobRequest(job: unknown, options: unknown, appId: string): { location: JobLocation; wait: WaitForJobOptions } {
  const ticket = readTicket(job);
  assertObject(options, 'options');
  const { kind, ...wait } = options as unknown as WaitForJobRequest;
  if (kind === undefined) throw new EthoraArgumentError('options.kind', 'is required: "users" or "broadcast"');
  assertOptionalOneOf(kind, JOB_KINDS, 'options.kind');
  assertWaitOptions(wait, 'options');
  return { location: jobLocation(kind, appId, ticket), wait };
}

function readTicket(job: unknown): EthoraJobTicket {
  if (typeof job === 'string') {
    assertId(job, 'job');
    return { jobId: job };
  }
  assertObject(job, 'job');
  const { jobId, statusUrl } = job;
  assertId(jobId, 'job.jobId');
  assertOptionalText(statusUrl, 'job.statusUrl');
  return { jobId, statusUrl };
}
