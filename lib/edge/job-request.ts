import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { EthoraJobKind, EthoraJobTicket, WaitForJobOptions, WaitForJobRequest } from '../interfaces/ethora-jobs.interface.js';
import { assertId } from './arguments.js';
import { assertObject, assertOptionalOneOf, assertOptionalText } from './request-arguments.js';
import { assertWaitOptions } from './wait-options.js';

const JOB_KINDS: readonly EthoraJobKind[] = ['users', 'broadcast'];

/**
 * Checks the arguments of `waitForJob` (`job`: an id or a `{ jobId, statusUrl? }` ticket; `options.kind`
 * required) and splits them into which job to poll and how to wait.
 */
export function readJobRequest(job: unknown, options: unknown): { kind: EthoraJobKind; ticket: EthoraJobTicket; wait: WaitForJobOptions } {
  const ticket = readTicket(job);
  assertObject(options, 'options');
  const { kind, ...wait } = options as unknown as WaitForJobRequest;
  if (kind === undefined) throw new EthoraArgumentError('options.kind', 'is required: "users" or "broadcast"');
  assertOptionalOneOf(kind, JOB_KINDS, 'options.kind');
  assertWaitOptions(wait, 'options');
  return { kind, ticket, wait };
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
