import type { OrderedStore } from './ordered-store.js';

/** Internal mutable records. Tests read them through the copies `emulator.state` returns. @internal */

export type RoomType = 'group' | 'public';
export type JobState = 'pending' | 'running' | 'completed' | 'failed';
export type JobKind = 'users' | 'broadcast';

export interface UserRecord {
  _id: string;
  userId: string;
  xmppUsername: string;
  email: string;
  firstName: string;
  lastName: string;
  username?: string;
  profileImage?: string;
  hasPassword: boolean;
  emailConfirmed: boolean;
  /** Fields beyond the known ones, kept as sent (never `password`). */
  extra: Record<string, unknown>;
  /** Chat ids of the user's rooms; created on the first membership so 100k seeded users stay cheap. */
  rooms?: Set<string>;
  createdAt: string;
  updatedAt: string;
}

export interface RoomRecord {
  _id: string;
  chatId: string;
  name: string;
  jid: string;
  title: string;
  type: RoomType;
  description?: string;
  picture?: string;
  pinned?: boolean;
  /** Plain user ids. */
  members: Set<string>;
  createdAt: string;
  updatedAt: string;
}

export interface AppTokenRecord {
  tokenId: string;
  label: string;
  secret: string;
  createdAt: string;
  rotatedAt?: string;
}

export interface BotConfig {
  status: 'on' | 'off';
  trigger: 'any_message' | '/bot';
  prompt: string;
  greetingMessage: string;
  chatId: string | null;
  [key: string]: unknown;
}

export interface BroadcastRecord {
  jobId: string;
  text: string;
  chatNames: string[];
  sentAt: string;
}

export interface AppRecord {
  appId: string;
  displayName: string;
  domainName?: string;
  secret: string;
  /** The app whose server token created this one through `POST /v2/apps`. */
  parentAppId?: string;
  /** Registered through the constructor or `addApp()`: survives `reset()`. */
  configured: boolean;
  createdAt: string;
  users: OrderedStore<string, UserRecord>;
  rooms: OrderedStore<string, RoomRecord>;
  tokens: OrderedStore<string, AppTokenRecord>;
  bot: BotConfig;
  broadcasts: BroadcastRecord[];
}

export interface JobRecord {
  jobId: string;
  appId: string;
  kind: JobKind;
  state: JobState;
  polls: number;
  pollsBeforeComplete: number;
  willFail: boolean;
  result?: Record<string, unknown>;
  error?: string;
  createdAt: string;
  updatedAt: string;
  /** Applies the job's effect and returns its result; called once, at completion. */
  execute: () => Record<string, unknown>;
}
