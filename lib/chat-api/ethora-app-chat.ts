import { buildBroadcastBody, readBroadcastWait } from '../edge/broadcast-body.js';
import { assertBotSettings } from '../edge/app-settings-bodies.js';
import { prepareBulkUsers, resolveBulkOptions } from '../edge/bulk-input.js';
import type {
  BulkAccessReport,
  BulkCreateUsersReport,
  BulkOptions,
  BulkUserInput,
  ProvisionWorkspaceOptions,
  ProvisionWorkspaceReport,
} from '../interfaces/ethora-bulk.interface.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import type { BroadcastOptions, BroadcastRequest, BroadcastResult, EthoraBotSettings } from '../interfaces/ethora-apps.interface.js';
import type { EthoraChatApi } from '../interfaces/ethora-chat-api.interface.js';
import type { EthoraJob, EthoraJobTicket, WaitForJobRequest } from '../interfaces/ethora-jobs.interface.js';
import type { EthoraIterateOptions, EthoraPage, EthoraPageOptions } from '../interfaces/ethora-paging.interface.js';
import type {
  CreateChatRoomData,
  CreateChatRoomResult,
  DeleteChatRoomResult,
  EthoraChatRoom,
  UpdateChatRoomData,
} from '../interfaces/ethora-rooms.interface.js';
import type {
  EthoraChatUser,
  EthoraUserFilter,
  GetUserChatsOptions,
  GetUsersOptions,
  UpdateUserData,
  UpdateUserResult,
} from '../interfaces/ethora-user-directory.interface.js';
import type {
  DesiredUserIds,
  SyncRoomMembersOptions,
  SyncRoomMembersReport,
  SyncWorkspaceOptions,
  SyncWorkspaceReport,
} from '../interfaces/ethora-sync.interface.js';
import type { CreateUserData, CreateUserResult, DeleteUsersResult } from '../interfaces/ethora-users.interface.js';
import { readJobRequest } from '../edge/job-request.js';
import { jobLocation } from '../jobs/job-locations.js';
import { paginate } from '../paging/paginate.js';
import type { AccessChange } from '../rooms/ethora-rooms.js';
import { buildRoomBody, buildRoomUpdate } from '../edge/room-bodies.js';
import { buildNewUser } from '../edge/new-user.js';
import { readIncludeMembers, readUserChatsQuery, readUserFilter, readUserListQuery } from '../edge/user-queries.js';
import { buildUserUpdates } from '../edge/user-update.js';
import { readId, readIdList, readIdOrIds } from '../edge/arguments.js';
import { assertOptionalBoolean, pageOf, pageSizeOf } from '../edge/request-arguments.js';
import { TraceEthoraCalls } from '../observability/trace-ethora-calls.decorator.js';
import type { EthoraChatParts } from './ethora-chat-parts.js';
import { readRoomSync, readWorkspaceSync } from './sync-arguments.js';
import { readWorkspacePlan } from './workspace-arguments.js';

/**
 * `EthoraChatApi` bound to one app scope. This is the public edge: each method turns its `unknown`-typed input
 * into checked values first (one reader per concept), then calls the resources and workflows, which take only
 * checked values. `EthoraChatService` extends it for the configured app; `forApp` builds one per child app.
 */
// Observability hook: every async method (new ones too) is one INTERNAL span `ethora.<method>` for this app.
@TraceEthoraCalls<EthoraAppChat>((chat) => chat.appId)
export class EthoraAppChat implements EthoraChatApi {
  readonly appId: string;

  constructor(
    protected readonly scope: EthoraAppScope,
    protected readonly parts: EthoraChatParts,
  ) {
    this.appId = scope.appId;
  }

  createChatName(chatId: string, full = true): string {
    const id = readId(chatId, 'chatId', this.scope.appId);
    assertOptionalBoolean(full, 'full');
    return this.scope.names.chatName(id, full);
  }

  async createUser(userId: string, userData?: CreateUserData): Promise<CreateUserResult> {
    const user = buildNewUser(userId, userData, this.scope.appId);
    const [result] = await this.parts.userBatches.create(this.scope, [user]);
    return result as CreateUserResult;
  }

  async createChatRoom(chatId: string, roomData?: CreateChatRoomData): Promise<CreateChatRoomResult> {
    return this.parts.rooms.create(this.scope, buildRoomBody(this.scope.names, chatId, roomData));
  }

  async updateChatRoom(chatId: string, data: UpdateChatRoomData): Promise<void> {
    const id = readId(chatId, 'chatId', this.scope.appId);
    await this.parts.rooms.update(this.scope, id, buildRoomUpdate(data));
  }

  async deleteChatRoom(chatId: string): Promise<DeleteChatRoomResult> {
    return this.parts.rooms.remove(this.scope, readId(chatId, 'chatId', this.scope.appId));
  }

  async grantUserAccessToChatRoom(chatId: string, userIdOrIds: string | string[]): Promise<void> {
    await this.#changeAccess('grant', chatId, userIdOrIds);
  }

  async removeUserAccessFromChatRoom(chatId: string, userIdOrIds: string | string[]): Promise<void> {
    await this.#changeAccess('revoke', chatId, userIdOrIds);
  }

  async deleteUsers(userIds: string[]): Promise<DeleteUsersResult> {
    const ids = readIdList(userIds, 'userIds', { appId: this.scope.appId, max: ETHORA_LIMITS.usersPerBatch });
    return this.parts.userBatches.remove(this.scope, ids);
  }

  async updateUsers(users: UpdateUserData[]): Promise<UpdateUserResult[]> {
    return this.parts.users.update(this.scope, buildUserUpdates(users, this.scope.names));
  }

  async getUsers(options?: GetUsersOptions): Promise<EthoraPage<EthoraChatUser>> {
    return this.parts.users.list(this.scope, readUserListQuery(this.scope.names, options));
  }

  iterateUsers(filter?: EthoraUserFilter, options?: EthoraIterateOptions): AsyncGenerator<EthoraChatUser, void, undefined> {
    const query = readUserFilter(this.scope.names, filter, 'filter');
    const pageSize = pageSizeOf(options);
    return paginate(async (offset, limit) => (await this.parts.users.list(this.scope, { ...query, limit, offset })).items, { pageSize });
  }

  async getUserChats(userId: string, options?: GetUserChatsOptions): Promise<EthoraPage<EthoraChatRoom>> {
    const id = readId(userId, 'userId', this.scope.appId);
    return this.parts.users.chatsOf(this.scope, id, readUserChatsQuery(options));
  }

  iterateUserChats(
    userId: string,
    options?: Pick<GetUserChatsOptions, 'includeMembers'> & EthoraIterateOptions,
  ): AsyncGenerator<EthoraChatRoom, void, undefined> {
    const id = readId(userId, 'userId', this.scope.appId);
    const pageSize = pageSizeOf(options);
    const includeMembers = readIncludeMembers(options);
    const query = (offset: number, limit: number) => ({ limit, offset, ...(includeMembers !== undefined && { includeMembers }) });
    return paginate(async (offset, limit) => (await this.parts.users.chatsOf(this.scope, id, query(offset, limit))).items, { pageSize });
  }

  async getChatRooms(options?: EthoraPageOptions): Promise<EthoraPage<EthoraChatRoom>> {
    return this.parts.rooms.list(this.scope, pageOf(options));
  }

  iterateChatRooms(options?: EthoraIterateOptions): AsyncGenerator<EthoraChatRoom, void, undefined> {
    const pageSize = pageSizeOf(options);
    return paginate(async (offset, limit) => (await this.parts.rooms.list(this.scope, { limit, offset })).items, { pageSize });
  }

  async waitForJob<TResult = unknown>(job: string | EthoraJobTicket, options: WaitForJobRequest): Promise<EthoraJob<TResult>> {
    const { kind, ticket, wait } = readJobRequest(job, options);
    return this.parts.jobs.wait<TResult>(jobLocation(kind, this.scope.appId, ticket), wait);
  }

  async getBot(): Promise<EthoraBotSettings> {
    return this.parts.settings.getBot(this.scope.appId);
  }

  async updateBot(settings: EthoraBotSettings): Promise<EthoraBotSettings> {
    assertBotSettings(settings);
    return this.parts.settings.updateBot(this.scope.appId, settings);
  }

  async broadcast(request: BroadcastRequest, options?: BroadcastOptions): Promise<BroadcastResult> {
    const body = buildBroadcastBody(this.scope.names, request);
    return this.parts.broadcasts.send(this.scope, body, readBroadcastWait(options));
  }

  async bulkCreateUsers(users: BulkUserInput[], options?: BulkOptions): Promise<BulkCreateUsersReport> {
    const entries = prepareBulkUsers(users, this.scope.appId);
    return this.parts.bulk.createUsers(this.scope, entries, resolveBulkOptions(options));
  }

  async bulkGrantAccess(chatId: string, userIds: string[], options?: BulkOptions): Promise<BulkAccessReport> {
    return this.#bulkChangeAccess('grant', chatId, userIds, options);
  }

  async bulkRemoveAccess(chatId: string, userIds: string[], options?: BulkOptions): Promise<BulkAccessReport> {
    return this.#bulkChangeAccess('revoke', chatId, userIds, options);
  }

  async provisionWorkspace(chatId: string, users: BulkUserInput[], options?: ProvisionWorkspaceOptions): Promise<ProvisionWorkspaceReport> {
    return this.parts.bulk.provisionWorkspace(readWorkspacePlan(this.scope, chatId, users, options, this.parts.options.chatbotJid));
  }

  async syncRoomMembers(chatId: string, desiredUserIds: DesiredUserIds, options?: SyncRoomMembersOptions): Promise<SyncRoomMembersReport> {
    return this.parts.sync.syncRoomMembers(await readRoomSync(this.scope, chatId, desiredUserIds, options));
  }

  async syncWorkspace(chatId: string, users: BulkUserInput[], options?: SyncWorkspaceOptions): Promise<SyncWorkspaceReport> {
    return this.parts.sync.syncWorkspace(await readWorkspaceSync(this.scope, chatId, users, options));
  }

  async #changeAccess(change: AccessChange, chatId: string, userIdOrIds: unknown): Promise<void> {
    const id = readId(chatId, 'chatId', this.scope.appId);
    const members = readIdOrIds(userIdOrIds, 'userIds', this.scope.appId, ETHORA_LIMITS.membersPerCall);
    await this.parts.rooms.sendAccess(this.scope, change, id, members);
  }

  async #bulkChangeAccess(change: AccessChange, chatId: string, userIds: unknown, options: unknown): Promise<BulkAccessReport> {
    const id = readId(chatId, 'chatId', this.scope.appId);
    const ids = readIdList(userIds, 'userIds', { appId: this.scope.appId });
    return this.parts.bulk.changeAccess(this.scope, change, id, ids, resolveBulkOptions(options));
  }
}
