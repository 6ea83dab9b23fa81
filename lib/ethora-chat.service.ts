import { Inject, Injectable } from '@nestjs/common';
import { ETHORA_CHAT_RESOLVED_OPTIONS, ETHORA_LIMITS } from './ethora-chat.constants.js';
import { ETHORA_CHAT_ENV_VARS } from './ethora-chat.config.js';
import { isEthoraApiError } from './errors/ethora-api.error.js';
import { EthoraArgumentError } from './errors/ethora-argument.error.js';
import { EthoraConfigError } from './errors/ethora-config.error.js';
import { EthoraHttpClient } from './http/ethora-http.client.js';
import { ETHORA_ROUTES } from './http/ethora-routes.js';
import type { EthoraChatRoom, CreateChatRoomData, CreateChatRoomResult, DeleteChatRoomResult } from './interfaces/ethora-rooms.interface.js';
import type { ClientTokenOptions } from './interfaces/ethora-tokens.interface.js';
import type { CreateUserResult, DeleteUsersResult } from './interfaces/ethora-users.interface.js';
import { EthoraNames } from './naming/ethora-names.js';
import type { ResolvedEthoraChatOptions } from './options/resolved-options.interface.js';
import { EthoraTokenService } from './tokens/ethora-token.service.js';
import { buildNewUser } from './users/new-user.js';
import { EthoraUserBatches } from './users/ethora-user-batches.js';
import { assertId, assertIdList, assertOptionalObject, idOrIds } from './validation/arguments.js';

const ROOM_TYPES = new Set(['group', 'public']);

/**
 * The Ethora chat API for a Nest app: rooms, users, access, chatbot and client tokens.
 * Every method checks its arguments first (rejecting with `EthoraArgumentError` before anything is sent)
 * and rejects with an `EthoraApiError` when Ethora refuses or cannot be reached after retries.
 */
@Injectable()
export class EthoraChatService {
  private readonly names: EthoraNames;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly http: EthoraHttpClient,
    private readonly tokens: EthoraTokenService,
    private readonly userBatches: EthoraUserBatches,
  ) {
    this.names = new EthoraNames(options.appId, options.xmppHost);
  }

  /** `<appId>_<chatId>@conference.<xmppHost>`, or `<appId>_<chatId>` when `full` is false. Sends nothing. */
  createChatName(chatId: string, full = true): string {
    assertId(chatId, 'chatId');
    return this.names.chatName(chatId, full);
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
    const user = buildNewUser(userId, userData, this.options.appId);
    const [result] = await this.userBatches.create(this.options.appId, [user]);
    return result;
  }

  /**
   * Creates the room `<appId>_<chatId>` (`POST /v2/chats`). Idempotent: when it exists already, resolves
   * `{ status: 'exists' }` instead of failing, so retries and concurrent callers all succeed.
   */
  async createChatRoom(chatId: string, roomData?: CreateChatRoomData): Promise<CreateChatRoomResult> {
    const body = this.roomBody(chatId, roomData);
    const name = this.names.chatName(chatId, false);
    try {
      const answer = await this.http.send<{ result: EthoraChatRoom }>(ETHORA_ROUTES.createChat, { body });
      return { status: 'created', name, result: answer.result };
    } catch (error) {
      if (isEthoraApiError(error) && error.code === 'conflict') return { status: 'exists', name };
      throw error;
    }
  }

  /** Gives one user or up to 100 users access to a room (`POST /v2/chats/users-access`). Resolves to Ethora's answer. */
  async grantUserAccessToChatRoom(chatId: string, userIds: string | string[]): Promise<unknown> {
    return this.http.send(ETHORA_ROUTES.grantAccess, { body: this.accessBody(chatId, userIds) });
  }

  /** Takes access to a room away from one user or up to 100 users (`DELETE /v2/chats/users-access`). */
  async removeUserAccessFromChatRoom(chatId: string, userIds: string | string[]): Promise<unknown> {
    return this.http.send(ETHORA_ROUTES.removeAccess, { body: this.accessBody(chatId, userIds) });
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
    const body = { chatName: this.names.chatName(chatId, false), members: [this.names.xmppUsername(bot)] };
    return this.http.send(ETHORA_ROUTES.grantAccess, { body });
  }

  /**
   * Deletes up to 100 users (`DELETE /v1/users/batch`). Resolves `{ ok: false, reason: 'Users not found' }`
   * when Ethora says none of them exist.
   */
  async deleteUsers(userIds: string[]): Promise<DeleteUsersResult> {
    assertIdList(userIds, 'userIds', ETHORA_LIMITS.usersPerBatch);
    try {
      return { ok: true, result: await this.http.send(ETHORA_ROUTES.deleteUsers, { body: { usersIdList: userIds } }) };
    } catch (error) {
      if (isEthoraApiError(error) && error.code === 'not_found') return { ok: false, reason: 'Users not found' };
      throw error;
    }
  }

  /**
   * Deletes the room `<appId>_<chatId>` (`DELETE /v1/chats`). Resolves `{ ok: false, reason: 'Chat room not found' }`
   * when it does not exist, whether Ethora says so in a string or a JSON body.
   */
  async deleteChatRoom(chatId: string): Promise<DeleteChatRoomResult> {
    assertId(chatId, 'chatId');
    try {
      const result = await this.http.send(ETHORA_ROUTES.deleteChat, { body: { name: this.names.chatName(chatId, false) } });
      return { ok: true, result };
    } catch (error) {
      if (isEthoraApiError(error) && error.code === 'not_found') return { ok: false, reason: 'Chat room not found' };
      throw error;
    }
  }

  private accessBody(chatId: string, userIds: string | string[]): { chatName: string; members: string[] } {
    assertId(chatId, 'chatId');
    const ids = idOrIds(userIds, 'userIds', ETHORA_LIMITS.membersPerCall);
    return { chatName: this.names.chatName(chatId, false), members: ids.map((id) => this.names.xmppUsername(id)) };
  }

  private roomBody(chatId: string, roomData: CreateChatRoomData | undefined): Record<string, unknown> {
    assertId(chatId, 'chatId');
    assertOptionalObject(roomData as unknown, 'roomData');
    const { title, description, type, picture, members, uuid, ...extra }: CreateChatRoomData = roomData ?? {};
    if (uuid !== undefined && uuid !== chatId) {
      throw new EthoraArgumentError('roomData.uuid', 'must be left out or equal the chatId (rooms are keyed by it)');
    }
    if (type !== undefined && !ROOM_TYPES.has(type)) throw new EthoraArgumentError('roomData.type', 'must be "group" or "public"');
    for (const [field, value] of Object.entries({ title, description, picture })) {
      if (value !== undefined && (typeof value !== 'string' || !value.trim())) {
        throw new EthoraArgumentError(`roomData.${field}`, 'must be a non-empty string when given');
      }
    }
    if (members !== undefined) assertIdList(members, 'roomData.members', ETHORA_LIMITS.membersPerCall);
    return {
      ...extra,
      title: title ?? chatId,
      uuid: chatId,
      type: type ?? 'group',
      ...(description !== undefined && { description }),
      ...(picture !== undefined && { picture }),
      ...(members !== undefined && { members: members.map((id) => this.names.xmppUsername(id)) }),
    };
  }
}
