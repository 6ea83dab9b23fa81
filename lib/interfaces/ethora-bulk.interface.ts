import type { CreateChatRoomData } from './ethora-rooms.interface.js';
import type { CreateUserData } from './ethora-users.interface.js';

/** Options every bulk method takes. */
export interface BulkOptions {
  /**
   * How many chunks (of up to 100 users) are worked on at once. Each chunk sends one request at a time,
   * so this is also the most requests in flight. Default 8.
   */
  concurrency?: number;
  /**
   * Called after each chunk settles with the number of users whose outcome is known and the total.
   * `done` grows to `total`. An exception thrown here, or a returned promise that rejects, is logged (warn)
   * and otherwise ignored.
   */
  onProgress?: (done: number, total: number) => unknown;
}

/** One user for `bulkCreateUsers` / `provisionWorkspace`: its id plus what `createUser` takes. */
export interface BulkUserInput extends CreateUserData {
  userId: string;
}

/**
 * Why an item failed, safe to log and to store: the error's `code` (e.g. `server_error`, `job_failed`),
 * its message, and the HTTP status / server code / request id when there was an answer. Never headers or tokens.
 */
export interface BulkItemError {
  code: string;
  message: string;
  status?: number;
  serverCode?: string;
  /** The correlation id the failed request was sent with (`x-request-id`). */
  requestId?: string;
  /** The server's own request id, when it sent one. */
  serverRequestId?: string;
}

/**
 * How creating one user ended: `created`, `existed` (Ethora already had that user id: not an error) or
 * `failed` (the batch call or its job failed after retries, or Ethora reported another status; see `error`).
 */
export type BulkUserStatus = 'created' | 'existed' | 'failed';

/** The outcome of creating one user. */
export interface BulkCreatedUser {
  userId: string;
  status: BulkUserStatus;
  /** The status string Ethora reported (`created`, `exists`, `uuid_exists`, ...), when it reported one. */
  serverStatus?: string;
  xmppUsername?: string;
  error?: BulkItemError;
}

/** Counts of a `bulkCreateUsers` run; `created + existed + failed === users`. */
export interface BulkCreateUsersTotals {
  users: number;
  created: number;
  existed: number;
  failed: number;
}

/** The result of `bulkCreateUsers`: one entry per input user, in input order. `ok` when none failed. */
export interface BulkCreateUsersReport {
  ok: boolean;
  users: BulkCreatedUser[];
  totals: BulkCreateUsersTotals;
}

/** The outcome of granting or removing one user's access. */
export interface BulkAccessResult {
  userId: string;
  status: 'granted' | 'removed' | 'failed';
  error?: BulkItemError;
}

/** The result of `bulkGrantAccess` / `bulkRemoveAccess`, one entry per user in input order. */
export interface BulkAccessReport {
  ok: boolean;
  chatId: string;
  users: BulkAccessResult[];
  totals: { users: number; succeeded: number; failed: number };
}

/** Options of `provisionWorkspace`. */
export interface ProvisionWorkspaceOptions extends BulkOptions {
  /** Passed to `createChatRoom` (title, type, description, ...). */
  roomData?: CreateChatRoomData;
  /** Also add the configured chatbot (`chatbotJid`) to the room. Default false. */
  addChatbot?: boolean;
}

/** The outcome for one user of `provisionWorkspace`: created (or existed) and granted access to the room. */
export interface ProvisionedUser {
  userId: string;
  status: BulkUserStatus;
  /** True once the user has access to the room. */
  granted: boolean;
  /** Why creating or granting failed (a user that was created but not granted keeps `status: 'created'`). */
  error?: BulkItemError;
}

/** Counts of a `provisionWorkspace` run. */
export interface ProvisionWorkspaceTotals extends BulkCreateUsersTotals {
  granted: number;
  notGranted: number;
}

/**
 * The result of `provisionWorkspace`. `ok` when the room exists, every user exists and has access, and the
 * chatbot (if asked for) was added. Running it again after a partial failure completes the rest.
 */
export interface ProvisionWorkspaceReport {
  ok: boolean;
  chatId: string;
  /** `<appId>_<chatId>`. */
  chatName: string;
  room: { status: 'created' | 'exists' | 'failed'; error?: BulkItemError };
  chatbot: { status: 'granted' | 'failed' | 'skipped'; error?: BulkItemError };
  users: ProvisionedUser[];
  totals: ProvisionWorkspaceTotals;
}
