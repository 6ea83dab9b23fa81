import type { AppRecord, RoomRecord } from './emulator-records.js';
import type { EmulatorStore } from './emulator-store.js';
import { EmulatorHttpError, validationError } from './http-error.js';
import { resolveLocalName, resolveMember } from './naming.js';

/**
 * Resolves member references to the stored ids of users that exist or are queued in a batch job not
 * finished yet (docs/decisions.md: grant accepts queued members); 422 naming the unknown ones, after
 * all are checked, so the message lists every missing member.
 * @internal
 */
export function resolveExistingMembers(store: EmulatorStore, app: AppRecord, list: unknown[], field: string): string[] {
  const ids = list.map((raw, i) => store.knownUserId(app, resolveMember(app.appId, raw, `${field}[${i}]`)));
  const missing = list.filter((_, i) => ids[i] === undefined);
  if (missing.length > 0) {
    throw validationError(`${field}: users not found: ${missing.map((m) => JSON.stringify(m)).join(', ')}`, { reason: 'USERS_NOT_FOUND', missing });
  }
  return ids as string[];
}

/**
 * Finds the room a `<appId>_<chatId>` name designates; 422 "Chat room not found" otherwise
 * (as a string body or JSON, per `shape`).
 * @internal
 */
export function requireRoom(app: AppRecord, chatName: unknown, field: string, shape: 'string' | 'json'): RoomRecord {
  const chatId = resolveLocalName(app.appId, chatName, field);
  const room = chatId === undefined ? undefined : app.rooms.get(chatId);
  if (!room) throw new EmulatorHttpError(422, 'NOT_FOUND', 'Chat room not found', undefined, shape === 'string');
  return room;
}
