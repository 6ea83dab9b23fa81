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
  /** Messages sent through `POST /v2/chats/messages`, newest last, bounded. */
  messages: MessageRecord[];
  /** Users in a batch job not finished yet, by folded id: grant accepts them (§7.3, docs/decisions.md). */
  queuedUsers: Map<string, { userId: string; jobs: number }>;
  /** Rooms granted to queued users, applied when the user is created, dropped if its job fails. */
  pendingGrants: Map<string, Set<string>>;
}

export interface MessageRecord {
  messageId: string;
  mode: 'private' | 'group';
  /** The room JID (group) or the recipient nickname (private). */
  to: string;
  text: string;
  sentAt: string;
}

export interface JobRecord {
  jobId: string;
  appId: string;
  kind: JobKind;
  state: JobState;
  /** Epoch ms when the job was accepted. */
  acceptedAt: number;
  /** Time from acceptance to completion. */
  delayMs: number;
  willFail: boolean;
  result?: Record<string, unknown>;
  error?: string;
  createdAt: string;
  updatedAt: string;
  /** Applies the job's effect and returns its result; called once, at completion (possibly inside `create`). */
  execute: (jobId: string) => Record<string, unknown>;
  /** Called once the job completed or failed. */
  settled?: () => void;
}
