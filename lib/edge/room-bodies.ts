import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import type { EthoraNames } from '../contract/ethora-names.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { CreateChatRoomData, EthoraRoomType, UpdateChatRoomData } from '../interfaces/ethora-rooms.interface.js';
import { assertOptionalObject, readId, readIdList } from './arguments.js';
import { assertPlainJsonFields } from './plain-json.js';
import { assertObject } from './request-arguments.js';

const ROOM_TYPES = new Set(['group', 'public']);

/** A room create's body, checked: the uuid is the plain chatId, members are `<appId>_<userId>`. */
export interface RoomBody {
  uuid: string;
  title: string;
  type: EthoraRoomType;
  description?: string;
  picture?: string;
  members?: string[];
  [extra: string]: unknown;
}

/**
 * The one builder of a room create's body (`POST /v2/chats` or its app-scoped twin), for `createChatRoom` and
 * `provisionWorkspace` alike, checked field by field: the title defaults to the chatId, the type to `group`,
 * members are sent as `<appId>_<userId>`. Unknown fields are sent as given, once checked to be plain JSON.
 */
export function buildRoomBody(names: EthoraNames, chatId: unknown, roomData: unknown): RoomBody {
  const id = readId(chatId, 'chatId', names.appId);
  assertOptionalObject(roomData, 'roomData');
  const { title, description, type, picture, members, uuid, ...extra }: CreateChatRoomData = roomData ?? {};
  if (uuid !== undefined && readId(uuid, 'roomData.uuid', names.appId).toLowerCase() !== id.toLowerCase()) {
    throw new EthoraArgumentError('roomData.uuid', 'must be left out or equal the chatId (rooms are keyed by it)');
  }
  if (type !== undefined && !ROOM_TYPES.has(type)) throw new EthoraArgumentError('roomData.type', 'must be "group" or "public"');
  assertOptionalTexts({ title, description, picture }, 'roomData');
  assertPlainJsonFields(extra, 'roomData');
  const memberIds = members === undefined ? undefined : readIdList(members, 'roomData.members', { appId: names.appId, max: ETHORA_LIMITS.membersPerCall });
  return {
    ...extra,
    title: title ?? id,
    uuid: id,
    type: type ?? 'group',
    ...(description !== undefined && { description }),
    ...(picture !== undefined && { picture }),
    ...(memberIds !== undefined && { members: memberIds.map((member) => names.xmppUsername(member)) }),
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
export function buildAccessBody(names: EthoraNames, chatId: string, members: readonly string[]): { chatName: string; members: string[] } {
  return { chatName: names.chatName(chatId, false), members: members.map((id) => names.xmppUsername(id)) };
}

function assertOptionalTexts(fields: Record<string, unknown>, argument: string): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && (typeof value !== 'string' || !value.trim())) {
      throw new EthoraArgumentError(`${argument}.${field}`, 'must be a non-empty string when given');
    }
  }
}
