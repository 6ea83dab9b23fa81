import type { EthoraAppScope } from '../contract/app-scope.js';
import { readId } from '../edge/arguments.js';
import { readDesiredIds } from '../edge/desired-ids.js';
import { resolveSyncOptions } from '../edge/sync-options.js';
import { readWorkspaceInput } from '../edge/workspace-input.js';
import type { RoomSyncRequest, WorkspaceSyncRequest } from '../sync/ethora-membership-sync.js';

/**
 * Checks every argument of `syncRoomMembers` and reads the desired ids (an async source is drained here), so
 * a bad id, or a source that throws, rejects before anything is sent.
 */
export async function readRoomSync(scope: EthoraAppScope, chatId: unknown, desiredUserIds: unknown, options: unknown): Promise<RoomSyncRequest> {
  const id = readId(chatId, 'chatId', scope.appId);
  const resolved = resolveSyncOptions(options);
  const desired = await readDesiredIds(desiredUserIds, scope.appId, 'desiredUserIds');
  return { scope, chatId: id, desired, options: resolved };
}

/** Checks every argument of `syncWorkspace`: the users as `provisionWorkspace` takes them, the options and the room body. */
export async function readWorkspaceSync(scope: EthoraAppScope, chatId: unknown, users: unknown, options: unknown): Promise<WorkspaceSyncRequest> {
  const { chatId: id, users: entries, room } = readWorkspaceInput(scope.names, chatId, users, options, true);
  const resolved = resolveSyncOptions(options);
  const desired = await readDesiredIds(entries.map((user) => user.uuid), scope.appId, 'users');
  return { scope, chatId: id, desired, options: resolved, users: entries, room };
}

