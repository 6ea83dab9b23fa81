import type { BulkCreatedUser, BulkUserInput, ProvisionedUser, RoomBody, RoomOutcome } from './provisioning-steps.js';

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

export type RequestJobData = RoomJobData | ChunkJobData;

/** What a chunk job returns: its users' report entries, placed from `start`. */
export interface ChunkResult {
  start: number;
  users: ProvisionedUser[];
}

export type RequestJobResult = RoomOutcome | ChunkResult;

/** The parent job of a run, in the runs queue: it assembles the report once every request job has finished. */
export interface RunJobData {
  runKey: string;
  chatId: string;
  total: number;
}

/** Job ids are derived from the run key, so enqueuing the same run twice adds nothing (BullMQ forbids `:`). */
export const jobIds = {
  run: (runKey: string) => `${runKey}-run`,
  room: (runKey: string) => `${runKey}-room`,
  chunk: (runKey: string, index: number) => `${runKey}-c${index}`,
};
