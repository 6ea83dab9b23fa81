import { Inject, Injectable } from '@nestjs/common';
import { EthoraAppScopes, type EthoraAppScope } from './apps/ethora-app-scopes.js';
import { EthoraBulkOperations } from './bulk/ethora-bulk-operations.js';
import type {
  BulkAccessReport,
  BulkCreateUsersReport,
  BulkOptions,
  BulkUserInput,
  ProvisionWorkspaceOptions,
  ProvisionWorkspaceReport,
} from './bulk/ethora-bulk.interface.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from './ethora-chat.constants.js';
import { ETHORA_CHAT_ENV_VARS } from './ethora-chat.config.js';
import { EthoraConfigError } from './errors/ethora-config.error.js';
import { EthoraHttpClient } from './http/ethora-http.client.js';
import { ETHORA_ROUTES } from './http/ethora-routes.js';
import type { EthoraPingResult } from './interfaces/ethora-health.interface.js';
import type { EthoraJob, EthoraJobTicket, WaitForJobRequest } from './interfaces/ethora-jobs.interface.js';
import type { EthoraIterateOptions, EthoraPage } from './interfaces/ethora-paging.interface.js';
import type {
  CreateChatRoomData,
  CreateChatRoomResult,
  DeleteChatRoomResult,
  EthoraChatRoom,
  UpdateChatRoomData,
} from './interfaces/ethora-rooms.interface.js';
import type { ClientTokenOptions } from './interfaces/ethora-tokens.interface.js';
import type {
  EthoraChatUser,
  EthoraUserFilter,
  GetUserChatsOptions,
  GetUsersOptions,
  UpdateUserData,
  UpdateUserResult,
} from './interfaces/ethora-user-directory.interface.js';
import type { CreateUserResult, DeleteUsersResult } from './interfaces/ethora-users.interface.js';
import { EthoraJobWaiter } from './jobs/ethora-job-waiter.js';
import type { EthoraRateLimitState } from './observability/rate-limit-state.js';
import { TraceEthoraCalls } from './observability/trace-ethora-calls.decorator.js';
import { readJobRequest } from './jobs/job-request.js';
import type { ResolvedEthoraChatOptions } from './options/resolved-options.interface.js';
import { paginate } from './paging/paginate.js';
import { EthoraRooms } from './rooms/ethora-rooms.js';
import { EthoraTokenService } from './tokens/ethora-token.service.js';
import { EthoraUserBatches } from './users/ethora-user-batches.js';
import { EthoraUsers, userFilterQuery } from './users/ethora-users.js';
import { buildNewUser } from './users/new-user.js';
import { assertId } from './validation/arguments.js';
import { assertOptionalBoolean, pageSizeOf } from './validation/request-arguments.js';

/**
 * The Ethora chat API of the configured app, for a Nest app: rooms, users, access, chatbot, client tokens,
 * user directory, jobs and health. (Tenant administration — apps, app tokens, bot, broadcasts and acting on
 * child apps — is on `EthoraAppsService`.) Every method checks its arguments first (rejecting with
 * `EthoraArgumentError` before anything is sent) and rejects with an `EthoraApiError` when Ethora refuses or
 * cannot be reached after retries.
 */
@Injectable()
// Observability hook: every async method is one INTERNAL span `ethora.<method>`.
@TraceEthoraCalls<EthoraChatService>((chat) => chat['scope'].appId)
export class EthoraChatService {
  private readonly scope: EthoraAppScope;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly http: EthoraHttpClient,
    private readonly tokens: EthoraTokenService,
    private readonly userBatches: EthoraUserBatches,
    private readonly rooms: EthoraRooms,
    private readonly users: EthoraUsers,
    private readonly jobs: EthoraJobWaiter,
    private readonly scopes: EthoraAppScopes,
    private readonly bulk: EthoraBulkOperations,
  ) {
    this.scope = scopes.own();
  }

  /**
   * The last rate-limit state Ethora sent (`x-ratelimit-limit/-remaining/-reset`, `Retry-After`), or `undefined`
   * when it never sent any. Answers without those headers leave it as it was.
   */
  get rateLimitState(): EthoraRateLimitState | undefined {
    return this.http.rateLimitState;
  }

  /** `<appId>_<chatId>@conference.<xmppHost>`, or `<appId>_<chatId>` when `full` is false. Sends nothing. */
  createChatName(chatId: string, full = true): string {
    assertId(chatId, 'chatId');
    return this.scope.names.chatName(chatId, full);
  }

  /**
   * A client JWT for `userId`, to hand to Ethora's chat component. Expires after `options.expiresInSeconds`
   * (default: the module's `clientTokenTtlSeconds`, 900 s). Sends nothing.
   */
  createChatUserJwtToken(userId: string, options?: ClientTokenOptions): string {
    return this.tokens.createClientToken(userId, options);
  }

  /**
   * Creates one user (`POST /v2/users/batch`), waits for the batch job and resolves to the user's outcome:
   * `created`, or `exists` when the user was already there (not an error).
   */
  async createUser(userId: string, userData?: Record<string, unknown>): Promise<CreateUserResult> {
    const user = buildNewUser(userId, userData, this.scope.appId);
    const [result] = await this.userBatches.create(this.scope, [user]);
    return result;
  }

  /**
   * Creates the room `<appId>_<chatId>` (`POST /v2/chats`). Idempotent: when it exists already, resolves
   * `{ status: 'exists' }` instead of failing, so retries and concurrent callers all succeed.
   */
  async createChatRoom(chatId: string, roomData?: CreateChatRoomData): Promise<CreateChatRoomResult> {
    return this.rooms.create(this.scope, chatId, roomData);
  }

  /** Gives one user or up to 100 users access to a room (`POST /v2/chats/users-access`). Resolves to Ethora's answer. */
  async grantUserAccessToChatRoom(chatId: string, userIds: string | string[]): Promise<unknown> {
    return this.rooms.changeAccess(this.scope, 'grant', chatId, userIds);
  }

  /** Takes access to a room away from one user or up to 100 users (`DELETE /v2/chats/users-access`). */
  async removeUserAccessFromChatRoom(chatId: string, userIds: string | string[]): Promise<unknown> {
    return this.rooms.changeAccess(this.scope, 'revoke', chatId, userIds);
  }

  /**
   * Adds the configured chatbot (`chatbotJid`) to a room.
   * @throws EthoraConfigError when no chatbot is configured.
   */
  async grantChatbotAccessToChatRoom(chatId: string): Promise<unknown> {
    const bot = this.options.chatbotJid;
    if (!bot) {
      throw new EthoraConfigError('chatbotJid', ETHORA_CHAT_ENV_VARS.chatbotJid, 'is not set, so there is no chatbot to add. Set it to the bot user\'s JID.');
    }
    assertId(chatId, 'chatId');
    return this.rooms.sendAccess(this.scope, 'grant', chatId, [bot]);
  }

  /**
   * Deletes up to 100 users (`DELETE /v1/users/batch`). Resolves `{ ok: false, reason: 'Users not found' }`
   * when Ethora says none of them exist.
   */
  async deleteUsers(userIds: string[]): Promise<DeleteUsersResult> {
    return this.userBatches.remove(this.scope, userIds);
  }

  /**
   * Deletes the room `<appId>_<chatId>` (`DELETE /v1/chats`). Resolves `{ ok: false, reason: 'Chat room not found' }`
   * when it does not exist, whether Ethora says so in a string or a JSON body.
   */
  async deleteChatRoom(chatId: string): Promise<DeleteChatRoomResult> {
    return this.rooms.remove(this.scope, chatId);
  }

  /**
   * Updates the profiles of any number of users (`PATCH /v2/chats/users`, 100 per request, one request at a
   * time). Resolves to one result per user in input order: `updated`, `not-found`, `skipped` (nothing
   * changed), or `failed` with `error` when the request carrying that user failed. It does not reject for
   * Ethora's failures, only for bad arguments.
   */
  async updateUsers(users: UpdateUserData[]): Promise<UpdateUserResult[]> {
    return this.users.update(this.scope, users);
  }

  /**
   * One page of users (`GET /v2/chats/users`), optionally filtered by room, XMPP username or user id
   * (filters combine). `limit` 1–500, default 100; `offset` default 0. A page shorter than `limit` is the last.
   */
  async getUsers(options?: GetUsersOptions): Promise<EthoraPage<EthoraChatUser>> {
    return this.users.list(this.scope, options);
  }

  /**
   * Every user matching `filter`, one at a time, fetched a page (`pageSize`, default 100) at a time.
   * Arguments are checked on the call; requests are made as the loop asks for items.
   */
  iterateUsers(filter?: EthoraUserFilter, options?: EthoraIterateOptions): AsyncGenerator<EthoraChatUser, void, undefined> {
    userFilterQuery(this.scope, filter, 'filter');
    const pageSize = pageSizeOf(options);
    const fetchPage = async (offset: number, limit: number) => (await this.getUsers({ ...filter, limit, offset })).items;
    return paginate(fetchPage, { pageSize });
  }

  /**
   * One page of the rooms `userId` belongs to (`GET /v2/apps/{appId}/users/{userId}/chats`), with their
   * members when `includeMembers` is true. An unknown user rejects with `EthoraNotFoundError`.
   */
  async getUserChats(userId: string, options?: GetUserChatsOptions): Promise<EthoraPage<EthoraChatRoom>> {
    return this.users.chatsOf(this.scope, userId, options);
  }

  /** Every room of `userId`, one at a time, fetched a page at a time (see `iterateUsers`). */
  iterateUserChats(
    userId: string,
    options?: Pick<GetUserChatsOptions, 'includeMembers'> & EthoraIterateOptions,
  ): AsyncGenerator<EthoraChatRoom, void, undefined> {
    assertId(userId, 'userId');
    const pageSize = pageSizeOf(options);
    const includeMembers = options?.includeMembers;
    assertOptionalBoolean(includeMembers, 'options.includeMembers');
    const fetchPage = async (offset: number, limit: number) => (await this.getUserChats(userId, { includeMembers, limit, offset })).items;
    return paginate(fetchPage, { pageSize });
  }

  /**
   * Changes the title and/or description of the room `<appId>_<chatId>`
   * (`PATCH /v2/apps/{appId}/chats/{chatName}`). Resolves to Ethora's answer (its shape is not documented).
   */
  async updateChatRoom(chatId: string, data: UpdateChatRoomData): Promise<unknown> {
    return this.rooms.update(this.scope, chatId, data);
  }

  /**
   * Waits for an async job (a user batch: `kind: 'users'`, or a broadcast: `kind: 'broadcast'`) of the
   * configured app or of `appId`, given its id or the `{ jobId, statusUrl }` ticket that started it.
   * Resolves to the completed job as Ethora sent it.
   * @throws EthoraJobError with reason `failed`, `timeout` (after `timeoutMs`, default the module's
   * `jobTimeoutMs`) or `aborted` (when `signal` aborts).
   */
  async waitForJob<TResult = unknown>(job: string | EthoraJobTicket, options: WaitForJobRequest): Promise<EthoraJob<TResult>> {
    const { location, wait } = readJobRequest(job, options, (appId) => this.scopes.appId(appId, 'options.appId'));
    return this.jobs.wait<TResult>(location, wait);
  }

  /** Checks that Ethora answers (`GET /v1/ping`) and measures the round trip. */
  async ping(): Promise<EthoraPingResult> {
    const started = performance.now();
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.ping);
    return { latencyMs: Math.round(performance.now() - started), raw };
  }

  /**
   * Onboards users into a room in one call: makes sure the room `<appId>_<chatId>` exists (an existing room is
   * fine), creates the users in batches of 100 (`POST /v2/users/batch`, waiting for each job; an existing user
   * counts as `existed`), grants each batch access (`POST /v2/chats/users-access`) as soon as its users exist,
   * and adds the chatbot when `addChatbot` is set. `concurrency` (default 8) batches run at once; 1,000 users
   * take about 31 requests. Every argument is checked before anything is sent (a repeated `userId` anywhere
   * rejects with `EthoraArgumentError` naming `users[i].userId`). After that it does not reject: a batch that
   * fails after retries marks its users `failed` with the error, a job that ends `failed` is posted once more,
   * and running it again completes what is missing without duplicates.
   * @throws EthoraArgumentError for bad input; EthoraConfigError when `addChatbot` is set but `chatbotJid` is not.
   */
  async provisionWorkspace(chatId: string, users: BulkUserInput[], options?: ProvisionWorkspaceOptions): Promise<ProvisionWorkspaceReport> {
    return this.bulk.provisionWorkspace(this.scope, chatId, users, options);
  }

  /**
   * Creates any number of users, 100 per batch (`POST /v2/users/batch`), `concurrency` batches at a time
   * (default 8), waiting for each job. Resolves to one entry per user in input order (`created`, `existed`
   * or `failed` with `error`) plus totals; it rejects only for bad arguments, checked before anything is sent.
   */
  async createUsers(users: BulkUserInput[], options?: BulkOptions): Promise<BulkCreateUsersReport> {
    return this.bulk.createUsers(this.scope, users, options);
  }

  /**
   * Gives any number of users access to a room, 100 per request (`POST /v2/chats/users-access`), `concurrency`
   * requests at a time. Resolves to one entry per user (`granted`, or `failed` with `error`) plus totals.
   */
  async grantUsersAccessToChatRoom(chatId: string, userIds: string[], options?: BulkOptions): Promise<BulkAccessReport> {
    return this.bulk.changeAccess(this.scope, 'grant', chatId, userIds, options);
  }

  /**
   * Takes room access away from any number of users, 100 per request (`DELETE /v2/chats/users-access`),
   * `concurrency` requests at a time. Resolves to one entry per user (`removed`, or `failed` with `error`).
   */
  async removeUsersAccessFromChatRoom(chatId: string, userIds: string[], options?: BulkOptions): Promise<BulkAccessReport> {
    return this.bulk.changeAccess(this.scope, 'revoke', chatId, userIds, options);
  }
}
