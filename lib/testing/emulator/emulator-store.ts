import { randomBytes } from 'node:crypto';
import type { AppRecord, BotConfig, JobRecord, RoomRecord, RoomType, UserRecord } from './emulator-records.js';
import { OrderedStore } from './ordered-store.js';
import { prefixed, roomJid } from './naming.js';

/** A new user, already validated. @internal */
export interface NewUser {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  username?: string;
  profileImage?: string;
  hasPassword: boolean;
  emailConfirmed: boolean;
  extra: Record<string, unknown>;
}

/** A new room, already validated. @internal */
export interface NewRoom {
  chatId: string;
  title: string;
  type: RoomType;
  description?: string;
  picture?: string;
  pinned?: boolean;
}

/** The default chatbot settings of a fresh app. @internal */
export function defaultBot(): BotConfig {
  return { status: 'off', trigger: 'any_message', prompt: '', greetingMessage: '', chatId: null };
}

/**
 * All server data, keyed for O(1) access: apps by id, and per app users and rooms by plain id.
 * Memberships are kept on both sides (room.members, user.rooms) so deletes never scan.
 * @internal
 */
export class EmulatorStore {
  readonly apps = new Map<string, AppRecord>();
  readonly jobs = new Map<string, JobRecord>();
  private counter = 0;

  constructor(readonly xmppHost: string) {}

  /** A unique 24-hex ObjectId-like id (time + counter + random, like Mongo's). */
  newObjectId(): string {
    const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
    const count = (++this.counter).toString(16).padStart(6, '0').slice(-6);
    return time + randomBytes(5).toString('hex') + count;
  }

  createApp(input: { appId: string; secret: string; displayName: string; domainName?: string; parentAppId?: string; configured: boolean }): AppRecord {
    const app: AppRecord = {
      ...input,
      createdAt: new Date().toISOString(),
      users: new OrderedStore(),
      rooms: new OrderedStore(),
      tokens: new OrderedStore(),
      bot: defaultBot(),
      broadcasts: [],
    };
    this.apps.set(app.appId, app);
    return app;
  }

  /** Deletes an app and, recursively, the apps it created. */
  deleteApp(appId: string): void {
    this.apps.delete(appId);
    for (const app of [...this.apps.values()]) if (app.parentAppId === appId) this.deleteApp(app.appId);
    for (const job of [...this.jobs.values()]) if (job.appId === appId) this.jobs.delete(job.jobId);
  }

  /** True when `childId` was created by `parentId` (direct children only). */
  isChildOf(childId: string, parentId: string): boolean {
    return this.apps.get(childId)?.parentAppId === parentId;
  }

  createUser(app: AppRecord, input: NewUser): UserRecord {
    const now = new Date().toISOString();
    const user: UserRecord = {
      ...input,
      _id: this.newObjectId(),
      xmppUsername: prefixed(app.appId, input.userId),
      rooms: new Set(),
      createdAt: now,
      updatedAt: now,
    };
    app.users.set(user.userId, user);
    return user;
  }

  deleteUser(app: AppRecord, userId: string): boolean {
    const user = app.users.get(userId);
    if (!user) return false;
    for (const chatId of user.rooms) app.rooms.get(chatId)?.members.delete(userId);
    app.users.delete(userId);
    return true;
  }

  createRoom(app: AppRecord, input: NewRoom, memberIds: Iterable<string> = []): RoomRecord {
    const now = new Date().toISOString();
    const room: RoomRecord = {
      ...input,
      _id: this.newObjectId(),
      name: prefixed(app.appId, input.chatId),
      jid: roomJid(app.appId, input.chatId, this.xmppHost),
      members: new Set(),
      createdAt: now,
      updatedAt: now,
    };
    app.rooms.set(room.chatId, room);
    this.grant(app, room, memberIds);
    return room;
  }

  deleteRoom(app: AppRecord, chatId: string): boolean {
    const room = app.rooms.get(chatId);
    if (!room) return false;
    for (const userId of room.members) app.users.get(userId)?.rooms.delete(chatId);
    app.rooms.delete(chatId);
    return true;
  }

  /** Adds members (set semantics: granting twice is a no-op). Ids must exist. */
  grant(app: AppRecord, room: RoomRecord, userIds: Iterable<string>): void {
    for (const userId of userIds) {
      room.members.add(userId);
      app.users.get(userId)?.rooms.add(room.chatId);
    }
  }

  revoke(app: AppRecord, room: RoomRecord, userIds: Iterable<string>): void {
    for (const userId of userIds) {
      room.members.delete(userId);
      app.users.get(userId)?.rooms.delete(room.chatId);
    }
  }

  /** Drops every app created through the API and empties the configured ones. */
  clear(): void {
    for (const app of [...this.apps.values()]) {
      if (!app.configured) {
        this.apps.delete(app.appId);
        continue;
      }
      app.users.clear();
      app.rooms.clear();
      app.tokens.clear();
      app.bot = defaultBot();
      app.broadcasts = [];
    }
    this.jobs.clear();
  }
}
