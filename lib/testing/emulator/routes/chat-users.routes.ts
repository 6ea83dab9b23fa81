import type { RoomRecord, UserRecord } from '../emulator-records.js';
import { notFound } from '../http-error.js';
import { resolveLocalName } from '../naming.js';
import { requireRoom } from '../room-lookup.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { publicMembers, publicUser } from '../serializers.js';
import { asObject, optionalName, optionalString, paging, queryBoolean, requireArray } from '../validation.js';

const EDITABLE = ['firstName', 'lastName', 'username', 'profileImage'] as const;
type Editable = (typeof EDITABLE)[number];

/** Validates the whole list first (a bad name rejects the request), then updates user by user. */
function updateUsers(ctx: RouteContext): RouteResult {
  const { app } = ctx;
  const list = requireArray(asObject(ctx.body).users, 'users', 1, 100);
  const updates = list.map((raw, i) => {
    const f = `users[${i}]`;
    const u = asObject(raw, f);
    const xmppUsername = u.xmppUsername as string;
    const userId = resolveLocalName(app.appId, u.xmppUsername, `${f}.xmppUsername`);
    const fields: Partial<Record<Editable, string>> = {
      firstName: optionalName(u.firstName, `${f}.firstName`),
      lastName: optionalName(u.lastName, `${f}.lastName`),
      username: optionalString(u.username, `${f}.username`),
      profileImage: optionalString(u.profileImage, `${f}.profileImage`),
    };
    return { xmppUsername, userId, fields };
  });
  const results = updates.map(({ xmppUsername, userId, fields }) => {
    const user = userId === undefined ? undefined : app.users.get(userId);
    if (!user) return { xmppUsername, status: 'not-found' };
    // "skipped": nothing given, or every given value equals the stored one.
    const changed = EDITABLE.filter((key) => fields[key] !== undefined && fields[key] !== user[key]);
    if (changed.length === 0) return { xmppUsername, status: 'skipped', user: { xmppUsername: user.xmppUsername } };
    for (const key of changed) user[key] = fields[key] as string;
    user.updatedAt = new Date().toISOString();
    return { xmppUsername, status: 'updated', user: publicUser(app.appId, user) };
  });
  return { body: { results } };
}

/** Filters combine (AND). No total is returned, as on the real v2 lists. */
function listUsers(ctx: RouteContext): RouteResult {
  const { app, query } = ctx;
  const { limit, offset } = paging(query);
  const chatName = query.get('chatName');
  const room: RoomRecord | undefined = chatName ? requireRoom(app, chatName, 'chatName', 'json') : undefined;
  const xmppUsername = query.get('xmppUsername');
  const userId = query.get('userId');
  let users: UserRecord[];
  if (xmppUsername || userId) {
    // Both filters given must designate the same user; a non-prefixed xmppUsername matches nobody.
    const ids = new Set<string | undefined>();
    if (xmppUsername) ids.add(resolveLocalName(app.appId, xmppUsername, 'xmppUsername'));
    if (userId) ids.add(userId);
    const [id] = ids;
    const user = ids.size === 1 && id !== undefined ? app.users.get(id) : undefined;
    users = user && (!room || room.members.has(user.userId)) ? [user].slice(offset, offset + limit) : [];
  } else if (room) {
    users = [...room.members].slice(offset, offset + limit).map((id) => app.users.get(id) as UserRecord);
  } else {
    users = app.users.slice(offset, limit);
  }
  return { body: { results: users.map((u) => publicUser(app.appId, u)), limit, offset } };
}

/** Decision: an unknown user answers 404 USER_NOT_FOUND rather than an empty list. */
function userChats(ctx: RouteContext): RouteResult {
  const { app, query } = ctx;
  const { limit, offset } = paging(query);
  const includeMembers = queryBoolean(query, 'includeMembers');
  const user = app.users.get(ctx.params.userId as string);
  if (!user) throw notFound('USER_NOT_FOUND', 'User not found');
  const chats = [...(user.rooms ?? [])].slice(offset, offset + limit).map((chatId) => {
    const room = app.rooms.get(chatId) as RoomRecord;
    const chat: Record<string, unknown> = { name: room.name, jid: room.jid, title: room.title, type: room.type };
    if (includeMembers) chat.members = publicMembers(app.appId, room);
    return chat;
  });
  return { body: { chats, limit, offset } };
}

/** User listing/updating and a user's rooms. @internal */
export const chatUserRoutes: RouteDefinition[] = [
  { method: 'PATCH', path: '/v2/chats/users', auth: 'server', handler: updateUsers },
  { method: 'PATCH', path: '/v2/apps/:appId/chats/users', auth: 'server', handler: updateUsers },
  { method: 'GET', path: '/v2/chats/users', auth: 'server', handler: listUsers },
  // [I] No client shows it, but its PATCH twin exists (§7.1); served so forApp() can list and sync a child's rooms.
  { method: 'GET', path: '/v2/apps/:appId/chats/users', auth: 'server', handler: listUsers },
  { method: 'GET', path: '/v2/apps/:appId/users/:userId/chats', auth: 'server', handler: userChats },
];
