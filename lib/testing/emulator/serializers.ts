import type { AppRecord, RoomRecord, UserRecord } from './emulator-records.js';
import { prefixed } from './naming.js';

/** Wire shapes of records. Never include a password or a secret. @internal */

export function publicUser(appId: string, user: UserRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...user.extra,
    _id: user._id,
    uuid: user.userId,
    appId,
    xmppUsername: user.xmppUsername,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    emailConfirmed: user.emailConfirmed,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
  if (user.username !== undefined) out.username = user.username;
  if (user.profileImage !== undefined) out.profileImage = user.profileImage;
  return out;
}

export function publicMembers(appId: string, room: RoomRecord): Array<{ xmppUsername: string }> {
  return [...room.members].map((userId) => ({ xmppUsername: prefixed(appId, userId) }));
}

export function publicRoom(appId: string, room: RoomRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    _id: room._id,
    uuid: room.chatId,
    name: room.name,
    jid: room.jid,
    title: room.title,
    type: room.type,
    members: publicMembers(appId, room),
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
  };
  if (room.description !== undefined) out.description = room.description;
  if (room.picture !== undefined) out.picture = room.picture;
  if (room.pinned !== undefined) out.pinned = room.pinned;
  return out;
}

export function publicApp(app: AppRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { _id: app.appId, displayName: app.displayName, createdAt: app.createdAt };
  if (app.domainName !== undefined) out.domainName = app.domainName;
  if (app.parentAppId !== undefined) out.parentAppId = app.parentAppId;
  return out;
}
