import type { Job } from 'bullmq';
import {
  CHUNK_SIZE,
  MEMBER_PAGE_SIZE,
  newcomerOutcome,
  syncReport,
  workspaceSyncReport,
  type BulkUserInput,
  type MemberChanges,
  type ProvisionedUser,
  type ProvisioningSteps,
  type RoomMembersPlan,
  type RoomOutcome,
  type SyncMemberFailure,
  type SyncWorkspaceReport,
} from './provisioning-steps.js';
import { chunkJobs, jobIds, type ChunkResult, type RequestJob, type RequestJobResult, type RevokeJobData, type RevokeResult, type SyncJobData } from './queue-jobs.js';
import type { Next } from './request-processor.js';
import { CHUNK_LOST } from './run-report.js';
import type { RunStore } from './run-store.js';

/**
 * One step of a queued sync (see `SyncJobData`): at most one Ethora request per activation. The guard is
 * checked when the plan is made, before the first write; a refused plan ends the sync with nothing written.
 * @internal
 */
export async function syncStep(steps: ProvisioningSteps, runs: RunStore, job: Job<SyncJobData, RequestJobResult>): Promise<Next> {
  const data = job.data;
  if (data.step === 'read') return readStep(steps, runs, data);
  if (data.step === 'remove') return { children: removalJobs(data), data: { ...data, step: 'report' } };
  return { result: await reportStep(job) };
}

/** One request: removes up to 100 members. */
export async function revokeStep(steps: ProvisioningSteps, runs: RunStore, data: RevokeJobData): Promise<Next> {
  await steps.revoke(data.chatId, data.userIds);
  return finishRevoke(runs, data, { done: data.userIds, failed: [] });
}

/** Ends a removal chunk, its outcome counted once in the run's progress. */
export async function finishRevoke(runs: RunStore, data: RevokeJobData, removals: MemberChanges): Promise<Next> {
  await runs.chunkDone(data.runKey, data.index, data.userIds.length, removals.failed.length);
  const result: RevokeResult = { index: data.index, removals };
  return { result };
}

async function readStep(steps: ProvisioningSteps, runs: RunStore, data: SyncJobData): Promise<Next> {
  const page = await steps.memberPage(data.chatId, data.offset);
  if (!page && data.offset > 0) throw new Error(`Room ${data.chatId} disappeared while its members were read`);
  if (page) {
    const edges = page.ids.length > 0 ? JSON.stringify([page.ids[0], page.ids.at(-1)]) : undefined;
    if (edges !== undefined && edges === data.edges) {
      throw new Error(`Ethora answered the member page at offset ${data.offset} with the page before (is offset ignored?)`);
    }
    await runs.addMembers(data.runKey, data.offset, page.ids);
    if (page.listed >= MEMBER_PAGE_SIZE) return { delayMs: 0, data: { ...data, offset: data.offset + page.listed, ...(edges && { edges }) } };
  }
  return planStep(steps, runs, { ...data, roomMissing: !page });
}

// Plans from every page read (no request), then adds the grants as children: the room when it is missing,
// and provisioning chunks (create the missing users, grant) for the users to add.
async function planStep(steps: ProvisioningSteps, runs: RunStore, data: SyncJobData): Promise<Next> {
  const { runKey, chatId } = data;
  const [users, current] = await Promise.all([runs.users(runKey), runs.members(runKey)]);
  const plan = steps.planSync(chatId, users, current, data.guard);
  if (plan.refused) return { result: refusedReport(plan, data) };
  await runs.setTotal(runKey, plan.toAdd.length + plan.toRemove.length);
  const newcomers = steps.newcomers(users as BulkUserInput[], plan);
  const children = chunkJobs(runKey, chatId, newcomers);
  if (data.roomMissing) children.unshift({ name: 'room', jobId: jobIds.room(runKey), data: { kind: 'room', runKey, room: data.room } });
  else await runs.setRoom(runKey, { status: 'exists' });
  return { children, data: { ...data, step: 'remove', plan, addChunks: children.length - (data.roomMissing ? 1 : 0) } };
}

// Removals go after every grant job has finished, whatever their outcome (docs/decisions.md, "Sync").
function removalJobs(data: SyncJobData): RequestJob[] {
  const { runKey, chatId } = data;
  const toRemove = (data.plan as RoomMembersPlan).toRemove;
  const jobs: RequestJob[] = [];
  for (let index = data.addChunks ?? 0, start = 0; start < toRemove.length; index++, start += CHUNK_SIZE) {
    const revoke: RevokeJobData = { kind: 'revoke', runKey, chatId, index, userIds: toRemove.slice(start, start + CHUNK_SIZE) };
    jobs.push({ name: 'revoke', jobId: jobIds.chunk(runKey, index), data: revoke });
  }
  return jobs;
}

async function reportStep(job: Job<SyncJobData, RequestJobResult>): Promise<SyncWorkspaceReport> {
  const plan = job.data.plan as RoomMembersPlan;
  const values = Object.values(await job.getChildrenValues<RequestJobResult>());
  let room: RoomOutcome = job.data.roomMissing ? { status: 'failed', error: CHUNK_LOST } : { status: 'exists' };
  const chunks: ChunkResult[] = [];
  const revokes: RevokeResult[] = [];
  for (const value of values) {
    if ('removals' in value) revokes.push(value);
    else if ('start' in value) chunks.push(value);
    else if (!('plan' in value)) room = value;
  }
  const provisioned: ProvisionedUser[] = chunks.sort((a, b) => a.start - b.start).flatMap((chunk) => chunk.users);
  const adds = newcomerOutcome(room, provisioned);
  const removals: MemberChanges = { done: [], failed: [] };
  for (const { removals: part } of revokes.sort((a, b) => a.index - b.index)) {
    removals.done.push(...part.done);
    removals.failed.push(...part.failed);
  }
  // A chunk whose job failed outright (not expected: steps report failures instead) is reported failed, user by user.
  adds.failed.push(...lost(plan.toAdd, adds, 'add'));
  removals.failed.push(...lost(plan.toRemove, removals, 'remove'));
  return workspaceSyncReport(plan, adds, removals);
}

function lost(planned: string[], seen: MemberChanges, change: 'add' | 'remove'): SyncMemberFailure[] {
  const known = new Set([...seen.done, ...seen.failed.map((failure) => failure.userId)].map((id) => id.toLowerCase()));
  return planned.filter((id) => !known.has(id.toLowerCase())).map((userId) => ({ userId, change, error: CHUNK_LOST }));
}

/** The report of a sync the guard refused: nothing was written; `waitForRun` rejects with `EthoraMassRemovalError`. */
function refusedReport(plan: RoomMembersPlan, data: SyncJobData): SyncWorkspaceReport {
  return { ...syncReport(plan, false, [], [], []), ok: false, room: { status: data.roomMissing ? 'missing' : 'exists' }, created: [] };
}
