import type { EthoraNames } from '../contract/ethora-names.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { assertOptionalObject, readId } from './arguments.js';
import { prepareBulkUsers } from './bulk-input.js';
import { buildRoomBody, type RoomBody } from './room-bodies.js';

/** What every workspace call (provision or sync, in process or queued) takes: the room and its users, checked. */
export interface WorkspaceInput {
  chatId: string;
  users: EthoraNewUser[];
  room: RoomBody;
}

/**
 * Reads `chatId`, the users (as `provisionWorkspace` takes them) and `options.roomData` into checked values.
 * `allowNoUsers`: for a sync an empty list means "nobody", which the mass-removal guard, not an argument error,
 * decides about. The caller checks the rest of `options`.
 */
export function readWorkspaceInput(names: EthoraNames, chatId: unknown, users: unknown, options: unknown, allowNoUsers = false): WorkspaceInput {
  const id = readId(chatId, 'chatId', names.appId);
  const entries = allowNoUsers && Array.isArray(users) && users.length === 0 ? [] : prepareBulkUsers(users, names.appId);
  const roomData = options !== null && typeof options === 'object' ? (options as { roomData?: unknown }).roomData : undefined;
  assertOptionalObject(roomData, 'options.roomData');
  return { chatId: id, users: entries, room: buildRoomBody(names, id, roomData) };
}
