import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { CreateChatRoomData, UpdateChatRoomData } from '../interfaces/ethora-rooms.interface.js';
import type { EthoraNames } from '../contract/ethora-names.js';
import { assertId, assertIdList, assertOptionalObject } from '../validation/arguments.js';
import { assertObject } from '../validation/request-arguments.js';

const ROOM_TYPES = new Set(['group', 'public']);

/**
 * The body of a room create (`POST /v2/chats` or its app-scoped twin), checked field by field: the uuid is
 * the chatId, the title defaults to it, the type to `group`, members are sent as `<appId>_<userId>`.
 * Unknown fields are sent as given.
 */
export function buildRoomBody(names: EthoraNames, chatId: unknown, roomData: unknown): Record<string, unknown> {
  assertId(chatId, 'chatId');
  assertOptionalObject(roomData, 'roomData');
  const { title, description, type, picture, members, uuid, ...extra }: CreateChatRoomData = roomData ?? {};
  if (uuid !== undefined && uuid !== chatId) {
    throw new EthoraArgumentError('roomData.uuid', 'must be left out or equal the chatId (rooms are keyed by it)');
  }
  if (type !== undefined && !ROOM_TYPES.has(type)) throw new EthoraArgumentError('roomData.type', 'must be "group" or "public"');
  assertOptionalTexts({ title, description, picture }, 'roomData');
  if (members !== undefined) assertIdList(members, 'roomData.members', ETHORA_LIMITS.membersPerCall);
  return {
    ...extra,
    title: title ?? chatId,
    uuid: chatId,
    type: type ?? 'group',
    ...(description !== undefined && { description }),
    ...(picture !== undefined && { picture }),
    ...(members !== undefined && { members: members.map((id) => names.xmppUsername(id)) }),
  };
}

/** The body of `PATCH .../chats/{chatName}`: `title` and/or `description`, at least one, each non-blank. */
export function buildRoomUpdate(data: unknown): UpdateChatRoomData {
  assertObject(data, 'data');
  const { title, description } = data as UpdateChatRoomData;
  if (title === undefined && description === undefined) throw new EthoraArgumentError('data', 'must set title or description');
  assertOptionalTexts({ title, description }, 'data');
  return { ...(title !== undefined && { title }), ...(description !== undefined && { description }) };
}

/** The body of a grant or removal: the room's short name and each member as `<appId>_<userId>`. */
export function buildAccessBody(names: EthoraNames, chatId: string, members: string[]): { chatName: string; members: string[] } {
  return { chatName: names.chatName(chatId, false), members: members.map((id) => names.xmppUsername(id)) };
}

function assertOptionalTexts(fields: Record<string, unknown>, argument: string): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && (typeof value !== 'string' || !value.trim())) {
      throw new EthoraArgumentError(`${argument}.${field}`, 'must be a non-empty string when given');
    }
  }
}
