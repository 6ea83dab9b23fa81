import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import {
  CHUNK_SIZE,
  type ProvisionedUser,
  type ProvisioningSteps,
  type ProvisionWorkspaceReport,
  type RoomOutcome,
  type SyncWorkspaceReport,
} from './provisioning-steps.js';
import { jobIds, type ChunkJobData, type ChunkResult, type RequestJobResult, type RunJobData } from './queue-jobs.js';

/** @internal */
export const CHUNK_LOST = { code: 'chunk_failed', message: 'The queue job of this chunk failed; run the workspace again to finish it' };

/** What a run job returns. @internal */
export type RunReport = ProvisionWorkspaceReport | SyncWorkspaceReport;

/**
 * The processor of the runs queue: runs once every request job of a run has finished (BullMQ flow) and builds
 * the same report as the in-process `provisionWorkspace`, from the children's results. A chunk whose job failed
 * outright (not expected: steps report failures instead of failing) is reported failed, user by user.
 * @internal
 */
export function runProcessor(steps: ProvisioningSteps, requests: Queue) {
  return async (job: Job<RunJobData, RunReport>): Promise<RunReport> => {
    const { runKey, chatId, total } = job.data;
    const values = Object.values(await job.getChildrenValues<RequestJobResult>());
    if (job.data.sync) return syncRunReport(job, values);
    const users: ProvisionedUser[] = new Array(total);
    let room: RoomOutcome = { status: 'failed', error: CHUNK_LOST };
    for (const value of values) {
      if (isChunk(value)) value.users.forEach((user, offset) => (users[value.start + offset] = user));
      else room = value as RoomOutcome;
    }
    for (let index = 0; index * CHUNK_SIZE < total; index++) {
      if (users[index * CHUNK_SIZE]) continue;
      const chunk = await requests.getJob(jobIds.chunk(runKey, index));
      const data = chunk?.data as ChunkJobData | undefined;
      if (!data) continue;
      steps.readChunk(data.users).forEach((user, offset) => (users[data.start + offset] = { userId: user.uuid, status: 'failed', granted: false, error: CHUNK_LOST }));
    }
    const totals = steps.totals(users);
    const ok = !room.error && totals.notGranted === 0;
    return { ok, chatId, chatName: steps.chatName(chatId), room, chatbot: { status: 'skipped' }, users, totals };
  };
}

/** A sync's report is built by its one child, the sync job; a sync job that failed fails the run with its reason. */
async function syncRunReport(job: Job<RunJobData, RunReport>, values: RequestJobResult[]): Promise<SyncWorkspaceReport> {
  const [report] = values;
  if (report) return report as SyncWorkspaceReport;
  const [reason] = Object.values(await job.getIgnoredChildrenFailures());
  throw new UnrecoverableError(reason ?? 'The sync job was lost');
}

function isChunk(value: RequestJobResult): value is ChunkResult {
  return typeof (value as ChunkResult).start === 'number';
}
