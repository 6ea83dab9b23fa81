import type { AppRecord, BotConfig, BroadcastRecord, JobRecord, RoomRecord, UserRecord } from './emulator-records.js';
import type { EmulatorStore } from './emulator-store.js';

/** An app as tests see it. `secret` is here so tests can sign for apps created through the API. */
export interface EmulatorAppView {
  appId: string;
  displayName: string;
  domainName?: string;
  parentAppId?: string;
  secret: string;
  /** Registered via the constructor or `addApp()` (kept by `reset()`). */
  configured: boolean;
  createdAt: string;
}

/** A user as tests see it (no password; `hasPassword` tells whether one was sent). */
export interface EmulatorUserView extends Omit<UserRecord, 'rooms'> {
  /** Same as `userId` (the wire name). */
  uuid: string;
  /** Chat ids of the user's rooms. */
  rooms: string[];
}

/** A room as tests see it; `members` are plain user ids. */
export interface EmulatorRoomView extends Omit<RoomRecord, 'members'> {
  /** Same as `chatId` (the wire name). */
  uuid: string;
  members: string[];
}

/** A user-batch or broadcast job. */
export type EmulatorJobView = Omit<JobRecord, 'execute' | 'settled'>;

/** An app API token, secret included (tests only). */
export interface EmulatorTokenView {
  tokenId: string;
  label: string;
  secret: string;
  createdAt: string;
}

/** Chatbot settings. */
export type EmulatorBotView = BotConfig;

/** A broadcast that was sent (its job completed). */
export type EmulatorBroadcastView = BroadcastRecord;

/**
 * Read-only views of the emulator's data. Every call returns fresh copies: mutating them changes
 * nothing. `appId` defaults to the primary app.
 */
export class EmulatorState {
  /** @internal */
  constructor(
    private readonly store: EmulatorStore,
    private readonly primaryAppId: () => string,
  ) {}

  apps(): EmulatorAppView[] {
    return [...this.store.apps.values()].map(appView);
  }

  app(appId: string = this.primaryAppId()): EmulatorAppView | undefined {
    const app = this.store.apps.get(appId);
    return app && appView(app);
  }

  users(appId?: string): EmulatorUserView[] {
    return this.find(appId)?.users.values().map(userView) ?? [];
  }

  /** A user by plain id (or by `<appId>_<userId>`). */
  user(appId: string, userId: string): EmulatorUserView | undefined {
    const user = byPlainOrPrefixedId(this.store.apps.get(appId)?.users, appId, userId);
    return user && userView(user);
  }

  userCount(appId?: string): number {
    return this.find(appId)?.users.size ?? 0;
  }

  rooms(appId?: string): EmulatorRoomView[] {
    return this.find(appId)?.rooms.values().map(roomView) ?? [];
  }

  /** A room by chat id (or by `<appId>_<chatId>`). */
  room(appId: string, chatId: string): EmulatorRoomView | undefined {
    const room = byPlainOrPrefixedId(this.store.apps.get(appId)?.rooms, appId, chatId);
    return room && roomView(room);
  }

  roomCount(appId?: string): number {
    return this.find(appId)?.rooms.size ?? 0;
  }

  jobs(): EmulatorJobView[] {
    return [...this.store.jobs.values()].map(jobView);
  }

  job(jobId: string): EmulatorJobView | undefined {
    const job = this.store.jobs.get(jobId);
    return job && jobView(job);
  }

  tokens(appId?: string): EmulatorTokenView[] {
    return this.find(appId)?.tokens.values().map((t) => ({ ...t })) ?? [];
  }

  bot(appId?: string): EmulatorBotView | undefined {
    const app = this.find(appId);
    return app && { ...app.bot };
  }

  broadcasts(appId?: string): EmulatorBroadcastView[] {
    return this.find(appId)?.broadcasts.map((b) => ({ ...b, chatNames: [...b.chatNames] })) ?? [];
  }

  private find(appId: string = this.primaryAppId()): AppRecord | undefined {
    return this.store.apps.get(appId);
  }
}

function appView(app: AppRecord): EmulatorAppView {
  const { appId, displayName, domainName, parentAppId, secret, configured, createdAt } = app;
  return { appId, displayName, domainName, parentAppId, secret, configured, createdAt };
}

function userView(user: UserRecord): EmulatorUserView {
  // Explicit fields (no object spread): state.users() may copy 100k records.
  return {
    _id: user._id,
    userId: user.userId,
    uuid: user.userId,
    xmppUsername: user.xmppUsername,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
    profileImage: user.profileImage,
    hasPassword: user.hasPassword,
    emailConfirmed: user.emailConfirmed,
    extra: { ...user.extra },
    rooms: user.rooms ? [...user.rooms] : [],
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

function roomView(room: RoomRecord): EmulatorRoomView {
  return { ...room, uuid: room.chatId, members: [...room.members] };
}

function jobView(job: JobRecord): EmulatorJobView {
  const { execute: _execute, settled: _settled, ...rest } = job;
  return { ...rest };
}

// Tests may name a record by its plain id or by the `<appId>_<id>` form the wire uses.
function byPlainOrPrefixedId<T>(records: { get(id: string): T | undefined } | undefined, appId: string, id: string): T | undefined {
  const prefix = `${appId}_`;
  return records?.get(id) ?? (id.startsWith(prefix) ? records?.get(id.slice(prefix.length)) : undefined);
}
