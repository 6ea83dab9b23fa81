import type { RoomType } from '../emulator-records.js';
import { EmulatorHttpError } from '../http-error.js';
import { assertPlainId } from '../naming.js';
import { requireRoom, resolveExistingMembers } from '../room-lookup.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { publicRoom } from '../serializers.js';
import { asObject, oneOf, optionalString, paging, requireArray, requireString } from '../validation.js';

const ROOM_TYPES: readonly RoomType[] = ['group', 'public'];

function createRoom(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const b = asObject(ctx.body);
  const title = requireString(b.title, 'title');
  const chatId = assertPlainId(app.appId, b.uuid, 'uuid');
  const type = oneOf(b.type, ROOM_TYPES, 'type');
  // Checked before the members so a retried create answers "exists" even if a member left since.
  if (app.rooms.has(chatId)) throw new EmulatorHttpError(422, 'ALREADY_EXISTS', 'Chat room already exists');
  const description = optionalString(b.description, 'description');
  const picture = optionalString(b.picture, 'picture');
  const members = b.members === undefined ? [] : resolveExistingMembers(services.store, app, requireArray(b.members, 'members', 0, Number.MAX_SAFE_INTEGER), 'members');
  const room = services.store.createRoom(app, { chatId, title, type, description, picture }, members);
  return { body: { result: publicRoom(app.appId, room) } };
}

function listRooms(ctx: RouteContext): RouteResult {
  const { limit, offset } = paging(ctx.query);
  const chats = ctx.app.rooms.slice(offset, limit).map((room) => publicRoom(ctx.app.appId, room));
  return { body: { chats, limit, offset } };
}

function deleteRoom(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const room = requireRoom(app, asObject(ctx.body).name, 'name', services.behaviour.notFoundBody);
  services.store.deleteRoom(app, room.chatId);
  return { body: { ok: true } };
}

/** Decision: a missing room answers 422 "not found" (JSON), like the v1 room delete, not 404. */
function updateRoom(ctx: RouteContext): RouteResult {
  const { app } = ctx;
  const room = requireRoom(app, ctx.params.chatName, 'chatName', 'json');
  const b = asObject(ctx.body);
  const title = b.title === undefined ? undefined : requireString(b.title, 'title');
  const description = optionalString(b.description, 'description');
  if (title !== undefined) room.title = title;
  if (description !== undefined) room.description = description;
  room.updatedAt = new Date().toISOString();
  return { body: { result: publicRoom(app.appId, room) } };
}

/** Room routes and their app-scoped twins. @internal */
export const chatRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v2/chats', auth: 'server', handler: createRoom },
  { method: 'POST', path: '/v2/apps/:appId/chats', auth: 'server', handler: createRoom },
  { method: 'GET', path: '/v2/apps/:appId/chats', auth: 'server', handler: listRooms },
  { method: 'DELETE', path: '/v1/chats', auth: 'server', handler: deleteRoom },
  { method: 'DELETE', path: '/v2/apps/:appId/chats', auth: 'server', handler: deleteRoom },
  { method: 'PATCH', path: '/v2/apps/:appId/chats/:chatName', auth: 'server', handler: updateRoom },
];
