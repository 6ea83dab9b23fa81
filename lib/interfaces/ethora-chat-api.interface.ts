import type {
  BulkAccessReport,
  BulkCreateUsersReport,
  BulkOptions,
  BulkUserInput,
  ProvisionWorkspaceOptions,
  ProvisionWorkspaceReport,
} from './ethora-bulk.interface.js';
import type { BroadcastOptions, BroadcastRequest, BroadcastResult, EthoraBotSettings } from './ethora-apps.interface.js';
import type { EthoraJob, EthoraJobTicket, WaitForJobRequest } from './ethora-jobs.interface.js';
import type { EthoraIterateOptions, EthoraPage, EthoraPageOptions } from './ethora-paging.interface.js';
import type {
  CreateChatRoomData,
  CreateChatRoomResult,
  DeleteChatRoomResult,
  EthoraChatRoom,
  UpdateChatRoomData,
} from './ethora-rooms.interface.js';
import type {
  EthoraChatUser,
  EthoraUserFilter,
  GetUserChatsOptions,
  GetUsersOptions,
  UpdateUserData,
  UpdateUserResult,
} from './ethora-user-directory.interface.js';
import type {
  DesiredUserIds,
  SyncRoomMembersOptions,
  SyncRoomMembersReport,
  SyncWorkspaceOptions,
  SyncWorkspaceReport,
} from './ethora-sync.interface.js';
import type { CreateUserData, CreateUserResult, DeleteUsersResult } from './ethora-users.interface.js';

/**
 * The chat API of one app. `EthoraChatService` is this API for the configured app; `chat.forApp(childAppId)`
 * returns it bound to a child app (through Ethora's `/v2/apps/{appId}/...` routes). Ids may be given plain
 * (`alice`) or prefixed (`<appId>_alice`); ids that differ only in case are the same id. Every method checks
 * its arguments before anything is sent (`EthoraArgumentError`, code `invalid_argument`); API failures reject
 * with an `EthoraApiError` (codes `not_found`, `rate_limited`, ...).
 */
export interface EthoraChatApi {
  /** The app this API acts on (24 hex characters, lower case). */
  readonly appId: string;

  /** `<appId>_<chatId>@conference.<xmppHost>`, or `<appId>_<chatId>` when `full` is false. Sends nothing. */
  createChatName(chatId: string, full?: boolean): string;

  /** Creates one user and waits for its batch job: `created`, or `exists` when it was already there. */
  createUser(userId: string, userData?: CreateUserData): Promise<CreateUserResult>;

  /** Creates the room `<appId>_<chatId>`; an existing room resolves `{ status: 'exists' }`. */
  createChatRoom(chatId: string, roomData?: CreateChatRoomData): Promise<CreateChatRoomResult>;

  /** Changes the room's title and/or description (`PATCH /v2/apps/{appId}/chats/{chatName}`). */
  updateChatRoom(chatId: string, data: UpdateChatRoomData): Promise<void>;

  /** Deletes the room; `{ ok: false, reason: 'Chat room not found' }` when it does not exist. */
  deleteChatRoom(chatId: string): Promise<DeleteChatRoomResult>;

  /** Gives one user or up to 100 users access to the room, in one request. For more, use `bulkGrantAccess`. */
  grantUserAccessToChatRoom(chatId: string, userIdOrIds: string | string[]): Promise<void>;

  /** Takes room access away from one user or up to 100 users, in one request. For more, use `bulkRemoveAccess`. */
  removeUserAccessFromChatRoom(chatId: string, userIdOrIds: string | string[]): Promise<void>;

  /** Deletes up to 100 users; `{ ok: false, reason: 'Users not found' }` when none of them exist. */
  deleteUsers(userIds: string[]): Promise<DeleteUsersResult>;

  /**
   * Updates the profiles of any number of users, 100 per request (`PATCH /v2/chats/users`; on a child app
   * `PATCH /v2/apps/{appId}/chats/users`). One result per user, in input order; rejects only for bad arguments.
   */
  updateUsers(users: UpdateUserData[]): Promise<UpdateUserResult[]>;

  /** One page of users, optionally filtered by room, XMPP username or user id (filters combine). */
  getUsers(options?: GetUsersOptions): Promise<EthoraPage<EthoraChatUser>>;

  /** Every user matching `filter`, fetched a page at a time as the loop asks for more. */
  iterateUsers(filter?: EthoraUserFilter, options?: EthoraIterateOptions): AsyncGenerator<EthoraChatUser, void, undefined>;

  /** One page of the rooms `userId` belongs to; an unknown user rejects with code `not_found`. */
  getUserChats(userId: string, options?: GetUserChatsOptions): Promise<EthoraPage<EthoraChatRoom>>;

  /** Every room of `userId`, fetched a page at a time. */
  iterateUserChats(
    userId: string,
    options?: Pick<GetUserChatsOptions, 'includeMembers'> & EthoraIterateOptions,
  ): AsyncGenerator<EthoraChatRoom, void, undefined>;

  /** One page of the app's rooms (`GET /v2/apps/{appId}/chats`). */
  getChatRooms(options?: EthoraPageOptions): Promise<EthoraPage<EthoraChatRoom>>;

  /** Every room of the app, fetched a page at a time. */
  iterateChatRooms(options?: EthoraIterateOptions): AsyncGenerator<EthoraChatRoom, void, undefined>;

  /**
   * Waits for an async job of this app (a user batch, `kind: 'users'`, or a broadcast, `kind: 'broadcast'`).
   * Rejects with `EthoraJobError` (codes `job_failed`, `job_timeout`, `job_aborted`).
   */
  waitForJob<TResult = unknown>(job: string | EthoraJobTicket, options: WaitForJobRequest): Promise<EthoraJob<TResult>>;

  /** The app's chatbot settings (`GET /v2/apps/{appId}/bot`). */
  getBot(): Promise<EthoraBotSettings>;

  /** Changes the chatbot settings (`PUT /v2/apps/{appId}/bot`); resolves to the settings Ethora answers with. */
  updateBot(settings: EthoraBotSettings): Promise<EthoraBotSettings>;

  /** Sends `text` to all rooms, or to rooms by `chatIds` or `chatNames` (exactly one), and waits for the job. */
  broadcast(request: BroadcastRequest, options?: BroadcastOptions): Promise<BroadcastResult>;

  /** Creates any number of users, 100 per batch, `concurrency` batches at once; one report entry per user. */
  bulkCreateUsers(users: BulkUserInput[], options?: BulkOptions): Promise<BulkCreateUsersReport>;

  /** Gives any number of users access to a room, 100 per request; one report entry per user. */
  bulkGrantAccess(chatId: string, userIds: string[], options?: BulkOptions): Promise<BulkAccessReport>;

  /** Takes room access away from any number of users, 100 per request; one report entry per user. */
  bulkRemoveAccess(chatId: string, userIds: string[], options?: BulkOptions): Promise<BulkAccessReport>;

  /**
   * Onboards users into a room in one call: makes sure the room exists, creates the users in batches of 100 and
   * grants each batch access as soon as it exists (plus the chatbot with `addChatbot`). Never rejects once the
   * arguments are checked: failures are in the report, and running it again completes what is missing.
   */
  provisionWorkspace(chatId: string, users: BulkUserInput[], options?: ProvisionWorkspaceOptions): Promise<ProvisionWorkspaceReport>;

  /**
   * Makes the room's members exactly `desiredUserIds` (an array, iterable or async iterable): reads the members
   * (`GET /v2/chats/users?chatName=`, 500 per page), then grants the missing ones and removes the extra ones,
   * 100 per request, grants first. Refuses (`EthoraMassRemovalError`, code `mass_removal_refused`, nothing
   * written) to remove more than `maxRemovalShare` (0.5) of the room or all of it unless `allowMassRemoval`.
   * `dryRun` only plans. Write failures are in the report, per user; a missing room rejects with code `not_found`.
   * Not available through `forApp()` yet (`EthoraArgumentError` naming `appId`). See docs/sync.md.
   */
  syncRoomMembers(chatId: string, desiredUserIds: DesiredUserIds, options?: SyncRoomMembersOptions): Promise<SyncRoomMembersReport>;

  /**
   * Like `syncRoomMembers`, for users given as `provisionWorkspace` takes them: also creates the room when it is
   * missing and the users to add that Ethora does not have yet. See docs/sync.md.
   */
  syncWorkspace(chatId: string, users: BulkUserInput[], options?: SyncWorkspaceOptions): Promise<SyncWorkspaceReport>;
}
