import type { EthoraNames } from '../contract/ethora-names.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { BulkUserInput } from '../interfaces/ethora-bulk.interface.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { assertId, assertOptionalObject } from './arguments.js';
import { prepareBulkUsers } from './bulk-input.js';
import type { RoomBody } from './room-bodies.js';
import { resolveSyncOptions, type ResolvedSyncOptions } from './sync-options.js';
import { readWorkspaceInput } from './workspace-input.js';

/** A queued workspace run, checked: the plain chatId, the room body, the users as given, and the run key if one was given. */
export interface QueuedRunPlan {
  chatId: string;
  room: RoomBody;
  /** Kept as given (no generated passwords go to Redis); each chunk is built again by `readStoredUsers` when posted. */
  users: BulkUserInput[];
  runKey?: string;
}

/** A queued workspace sync, checked: a run plan (the users may be none) plus what the guard decides from. */
export interface QueuedSyncPlan extends QueuedRunPlan {
  guard: Pick<ResolvedSyncOptions, 'removeExtra' | 'maxRemovalShare' | 'allowMassRemoval'>;
}

/**
 * Checks every argument of the queue's `provisionWorkspace` before anything is enqueued, with the same rules as
 * the in-process `provisionWorkspace` (users, room data), plus the run key.
 */
export function readQueuedRun(names: EthoraNames, chatId: unknown, users: unknown, options: unknown): QueuedRunPlan {
  const { chatId: id, room } = readWorkspaceInput(names, chatId, users, options);
  return { chatId: id, room, users: users as BulkUserInput[], ...readRunKeyOption(options) };
}

/** Checks every argument of the queue's `syncWorkspace`, with the rules of the in-process `syncWorkspace`, plus the run key. */
export function readQueuedSync(names: EthoraNames, chatId: unknown, users: unknown, options: unknown): QueuedSyncPlan {
  const { chatId: id, room } = readWorkspaceInput(names, chatId, users, options, true);
  const run = { room, ...readRunKeyOption(options) };
  const { dryRun, removeExtra, maxRemovalShare, allowMassRemoval } = resolveSyncOptions(options);
  if (dryRun) throw new EthoraArgumentError('options.dryRun', 'a queued sync always writes; plan with the in-process syncWorkspace');
  return { chatId: id, users: users as BulkUserInput[], ...run, guard: { removeExtra, maxRemovalShare, allowMassRemoval } };
}

function readRunKeyOption(options: unknown): Pick<QueuedRunPlan, 'runKey'> {
  assertOptionalObject(options, 'options');
  const { runKey } = (options ?? {}) as { runKey?: unknown };
  return runKey !== undefined ? { runKey: readRunKey(runKey, 'options.runKey') } : {};
}

/** A run key: the id rule, which also keeps `:` out (BullMQ refuses it in job ids). */
export function readRunKey(value: unknown, argument = 'runKey'): string {
  assertId(value, argument);
  return value;
}

/** A chunk's users as read back from the queue's store (data crossing in from Redis), built for the batch call. */
export function readStoredUsers(users: unknown, appId: string): EthoraNewUser[] {
  return prepareBulkUsers(users, appId);
}
