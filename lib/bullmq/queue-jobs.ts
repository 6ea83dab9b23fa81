import {
  CHUNK_SIZE,
  type BulkCreatedUser,
  type BulkUserInput,
  type MemberChanges,
  type ProvisionedUser,
  type QueuedSyncPlan,
  type RoomBody,
  type RoomMembersPlan,
  type RoomOutcome,
  type SyncWorkspaceReport,
} from './provisioning-steps.js';

/** Creates the run's room; grants of its chunks wait for the outcome. */
export interface RoomJobData {
  kind: 'room';
  runKey: string;
  /** The room's create body, checked when the run was enqueued. */
  room: RoomBody;
}

/**
 * One chunk (≤ 100 users) of a run, worked as a small state machine: `post` the batch, `poll` Ethora's job,
 * `grant` the users that exist. Each activation sends one request, then stores where it got to in the job's
 * data before moving on, so a worker killed at any point leaves a job another worker resumes.
 */
export interface ChunkJobData {
  kind: 'chunk';
  runKey: string;
  chatId: string;
  index: number;
  /** Position of the chunk's first user in the run. */
  start: number;
  /** The users as given (checked at enqueue; no generated password is stored), built again when posted. */
  users: BulkUserInput[];
  step: 'post' | 'poll' | 'grant';
  /** Ethora's user-batch job, stored before the first poll: a retry polls it and never posts again. */
  ethoraJobId?: string;
  /** A batch whose Ethora job ended `failed` is posted once more (users are uuid-keyed, so that is safe). */
  reposted?: boolean;
  created?: BulkCreatedUser[];
}

/**
 * The driver of a queued sync, one step per activation, its place stored in its data: `read` one member page
 * (the ids go to the run's store, so the data stays small), then plan (no request), check the guard and add
 * the grant jobs as its children (a room job when the room is missing, provisioning chunks for the users to
 * add); when they have all finished, `remove`: add the removal chunks; when those have, `report`.
 */
export interface SyncJobData {
  kind: 'sync';
  runKey: string;
  chatId: string;
  room: RoomBody;
  guard: QueuedSyncPlan['guard'];
  step: 'read' | 'remove' | 'report';
  offset: number;
  /** First and last id of the page before: the same page twice means the server ignores `offset`. */
  edges?: string;
  roomMissing?: boolean;
  plan?: RoomMembersPlan;
  /** Provisioning chunks of the adds; removal chunks are numbered after them. */
  addChunks?: number;
}

/** Up to 100 removals of a sync: one request. */
export interface RevokeJobData {
  kind: 'revoke';
  runKey: string;
  chatId: string;
  index: number;
  userIds: string[];
}

export type RequestJobData = RoomJobData | ChunkJobData | SyncJobData | RevokeJobData;

/** What a removal chunk returns. */
export interface RevokeResult {
  index: number;
  removals: MemberChanges;
}

/** A request job before it is queued: in a flow (provisioning) or as a child a sync job adds. */
export interface RequestJob {
  name: string;
  jobId: string;
  data: RequestJobData;
}

/** The provisioning chunks (≤ 100 users each, numbered from 0) of `users` for a run. */
export function chunkJobs(runKey: string, chatId: string, users: BulkUserInput[]): RequestJob[] {
  const jobs: RequestJob[] = [];
  for (let index = 0, start = 0; start < users.length; index++, start += CHUNK_SIZE) {
    const data: ChunkJobData = { kind: 'chunk', runKey, chatId, index, start, users: users.slice(start, start + CHUNK_SIZE), step: 'post' };
    jobs.push({ name: 'chunk', jobId: jobIds.chunk(runKey, index), data });
  }
  return jobs;
}

/** What a chunk job returns: its users' report entries, placed from `start`. */
export interface ChunkResult {
  start: number;
  users: ProvisionedUser[];
}

export type RequestJobResult = RoomOutcome | ChunkResult | RevokeResult | SyncWorkspaceReport;

/** The parent job of a run, in the runs queue: it assembles the report once every request job has finished. */
export interface RunJobData {
  runKey: string;
  chatId: string;
  total: number;
  /** Set for a sync run, whose one child (the sync job) returns the report. */
  sync?: { maxRemovalShare: number };
}

/** Job ids are derived from the run key, so enqueuing the same run twice adds nothing (BullMQ forbids `:`). */
export const jobIds = {
  run: (runKey: string) => `${runKey}-run`,
  room: (runKey: string) => `${runKey}-room`,
  chunk: (runKey: string, index: number) => `${runKey}-c${index}`,
  sync: (runKey: string) => `${runKey}-sync`,
};
