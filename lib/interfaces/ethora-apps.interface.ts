import type { EthoraJob, WaitForJobOptions } from './ethora-jobs.interface.js';
import type { EthoraPageOptions } from './ethora-paging.interface.js';

/** An Ethora app as the apps routes answer it; fields beyond these are kept as sent. */
export interface EthoraApp {
  _id: string;
  displayName?: string;
  domainName?: string;
  /** The app whose server token created this one. */
  parentAppId?: string;
  /** Only in `createApp`'s answer: a server token of the new app. A secret: store it, never log it. */
  appToken?: string;
  [field: string]: unknown;
}

/** What `createApp` sends. Fields beyond these are sent as they are. */
export interface CreateAppData {
  /** 2+ characters. */
  displayName: string;
  domainName?: string;
  [field: string]: unknown;
}

/** What `updateApp` sends (`PATCH /v2/apps/{appId}`): the fields to change, e.g. `{ appTagline }`. */
export interface UpdateAppData {
  /** 2+ characters. */
  displayName?: string;
  [field: string]: unknown;
}

/** Sort field of `listApps`: the known ones, or any other Ethora accepts. */
export type EthoraAppOrderBy = 'createdAt' | 'displayName' | '_id' | (string & {});

/** Sorting of `listApps` / `iterateApps`. */
export interface EthoraAppOrder {
  order?: 'asc' | 'desc';
  orderBy?: EthoraAppOrderBy;
}

/** Arguments of `listApps`. */
export interface ListAppsOptions extends EthoraPageOptions, EthoraAppOrder {}

/** The result of `deleteApp`. `ok: false` when Ethora says the app does not exist (e.g. on a retry). */
export type DeleteAppResult = { ok: true } | { ok: false; reason: 'App not found' };

/** An app API token as listed (the secret is never listed). */
export interface EthoraAppToken {
  tokenId: string;
  label?: string;
  createdAt?: string;
  [field: string]: unknown;
}

/** What `createAppToken` / `rotateAppToken` resolve to. `token` is the secret, shown once: never log it. */
export interface EthoraAppTokenSecret extends EthoraAppToken {
  token: string;
}

/** The result of `revokeAppToken`. `ok: false` when Ethora does not know the token (revoked already). */
export type RevokeAppTokenResult = { ok: true } | { ok: false; reason: 'Token not found' };

/** What `createAppToken` sends. */
export interface CreateAppTokenData {
  label?: string;
}

/** One room `provisionApp` creates. */
export interface ProvisionRoom {
  title: string;
  pinned?: boolean;
}

/** What `provisionApp` sends. */
export interface ProvisionAppData {
  rooms?: ProvisionRoom[];
}

/** Chatbot settings (`GET/PUT /v2/apps/{appId}/bot`); fields beyond these are kept and sent as they are. */
export interface EthoraBotSettings {
  status?: 'on' | 'off';
  /** Answer every message, or only messages starting with `/bot`. */
  trigger?: 'any_message' | '/bot';
  prompt?: string;
  greetingMessage?: string;
  chatId?: string | null;
  [field: string]: unknown;
}

/** Who receives a broadcast: exactly one of `allRooms`, `chatIds` or `chatNames`. */
export type BroadcastTarget =
  | { allRooms: true; chatIds?: never; chatNames?: never }
  | { chatIds: string[]; allRooms?: never; chatNames?: never }
  | { chatNames: string[]; allRooms?: never; chatIds?: never };

/** What `broadcast` sends: the text and its target. */
export type BroadcastRequest = { text: string } & BroadcastTarget;

/** How `broadcast` waits. */
export interface BroadcastOptions {
  /** `true` (default) waits for the job with the module's defaults; an object tunes the wait; `false` returns at once. */
  wait?: boolean | WaitForJobOptions;
}

/** The result of `broadcast`: the job's ticket and, when waited for, the completed job. */
export interface BroadcastResult {
  jobId?: string;
  statusUrl?: string;
  /** The completed job (`state: 'completed'`), present when `wait` was not false. */
  job?: EthoraJob;
  /** Ethora's answer to the POST, as sent. */
  raw: unknown;
}
