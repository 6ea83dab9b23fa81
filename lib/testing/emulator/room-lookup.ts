import type { AppRecord, RoomRecord } from './emulator-records.js';
import { EmulatorHttpError, validationError } from './http-error.js';
import { resolveChatName, resolveMember } from './naming.js';

/**
 * Resolves member references to plain user ids that exist in the app; 422 naming the unknown ones
 * (after all are checked, so the message lists every missing member).
 * @internal
 */
export function resolveExistingMembers(app: AppRecord, list: unknown[], field: string): string[] {
  const ids = list.map((raw, i) => resolveMember(app.appId, raw, `${field}[${i}]`));
  const missing = list.filter((_, i) => !app.users.has(ids[i] as string));
  if (missing.length > 0) {
    throw validationError(`${field}: users not found: ${missing.map((m) => JSON.stringify(m)).join(', ')}`, { reason: 'USERS_NOT_FOUND', missing });
  }
  return ids;
}

/**
 * Finds the room a `<appId>_<chatId>` name designates; 422 "Chat room not found" otherwise
 * (as a string body or JSON, per `shape`).
 * @internal
 */
export function requireRoom(app: AppRecord, chatName: unknown, field: string, shape: 'string' | 'json'): RoomRecord {
  const chatId = resolveChatName(app.appId, chatName, field);
  const room = chatId === undefined ? undefined : app.rooms.get(chatId);
  if (!room) throw new EmulatorHttpError(422, 'NOT_FOUND', 'Chat room not found', undefined, shape === 'string');
  return room;
}
