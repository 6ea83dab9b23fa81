import type { EthoraNames } from '../contract/ethora-names.js';
import type { BulkUserInput } from '../interfaces/ethora-bulk.interface.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { assertId, assertOptionalObject, readId } from './arguments.js';
import { prepareBulkUsers } from './bulk-input.js';
import { buildRoomBody, type RoomBody } from './room-bodies.js';

/** A queued workspace run, checked: the plain chatId, the room body, the users as given, and the run key if one was given. */
export interface QueuedRunPlan {
  chatId: string;
  room: RoomBody;
  /** Kept as given (no generated passwords go to Redis); each chunk is built again by `readStoredUsers` when posted. */
  users: BulkUserInput[];
  runKey?: string;
}

/**
 * Checks every argument of the queue's `provisionWorkspace` before anything is enqueued, with the same rules as
 * the in-process `provisionWorkspace` (users, room data), plus the run key.
 */
export function readQueuedRun(names: EthoraNames, chatId: unknown, users: unknown, options: unknown): QueuedRunPlan {
  const id = readId(chatId, 'chatId', names.appId);
  prepareBulkUsers(users, names.appId);
  assertOptionalObject(options, 'options');
  const { runKey, roomData } = (options ?? {}) as { runKey?: unknown; roomData?: unknown };
  assertOptionalObject(roomData, 'options.roomData');
  const room = buildRoomBody(names, id, roomData);
  return { chatId: id, room, users: users as BulkUserInput[], ...(runKey !== undefined && { runKey: readRunKey(runKey, 'options.runKey') }) };
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
