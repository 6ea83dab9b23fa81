import { inEthoraSpan } from './ethora-spans.js';
import { recordJobWait } from './ethora-metrics.js';
import { ATTR } from './span-attributes.js';
import { errorCodeOf } from '../errors/ethora-error.js';

/** One chunk of a bulk run as a child span `ethora.bulk.chunk`: where it starts in the input and how many items. @internal */
export function inChunkSpan<T>(appId: string, part: { start: number; items: readonly unknown[] }, run: () => Promise<T>): Promise<T> {
  return inEthoraSpan('ethora.bulk.chunk', () => ({ [ATTR.appId]: appId, [ATTR.chunkStart]: part.start, [ATTR.chunkSize]: part.items.length }), run);
}

/**
 * A job wait as a span `ethora.job.wait` with the job id and, at the end, the number of polls; also the job-wait
 * metric. `wait` calls `countPoll` once per poll it sends.
 * @internal
 */
export function inJobWaitSpan<T>(jobId: string, appId: string | undefined, wait: (countPoll: () => void) => Promise<T>): Promise<T> {
  const started = performance.now();
  let polls = 0;
  const countPoll = (): void => void polls++;
  return inEthoraSpan('ethora.job.wait', () => ({ [ATTR.jobId]: jobId, [ATTR.appId]: appId }), async (span) => {
    let outcome = 'completed';
    try {
      return await wait(countPoll);
    } catch (error) {
      outcome = errorCodeOf(error);
      throw error;
    } finally {
      span?.setAttribute(ATTR.jobPolls, polls);
      recordJobWait(performance.now() - started, outcome);
    }
  });
}
