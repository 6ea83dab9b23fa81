import { Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../apps/ethora-app-scopes.js';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import type { EthoraChatRoom } from '../interfaces/ethora-rooms.interface.js';
import type { EthoraChatUser, EthoraUserFilter, UpdateUserResult } from '../interfaces/ethora-user-directory.interface.js';
import { readList, readPage } from '../paging/read-page.js';
import { assertId } from '../validation/arguments.js';
import { assertObject, assertOptionalBoolean, pageOf } from '../validation/request-arguments.js';
import { buildUserUpdates, type PendingUserUpdate } from './user-update.js';

type UpdateAnswerItem = { xmppUsername?: string; status?: string };

// Ethora puts user lists under `results` or `users` (ethora-api.md §4 [I]).
const USER_LIST_KEYS = ['results', 'users', 'items'];

/**
 * The user directory of an app: bulk profile updates, the user list and a user's rooms.
 * @internal
 */
@Injectable()
export class EthoraUsers {
  constructor(private readonly http: EthoraHttpClient) {}

  /**
   * Updates any number of users, 100 per `PATCH /v2/chats/users` (Ethora's cap), one request at a time. Every
   * user gets a result in input order: a chunk that fails marks each of its users `failed` with the error.
   */
  async update(scope: EthoraAppScope, users: unknown): Promise<UpdateUserResult[]> {
    const pending = buildUserUpdates(users, scope.names);
    const results: UpdateUserResult[] = [];
    for (let start = 0; start < pending.length; start += ETHORA_LIMITS.usersPerUpdate) {
      results.push(...(await this.updateChunk(pending.slice(start, start + ETHORA_LIMITS.usersPerUpdate))));
    }
    return results;
  }

  /** One page of users (`GET /v2/chats/users`), filtered. The list may come under `results` or `users`. */
  async list(scope: EthoraAppScope, options: unknown): Promise<EthoraPage<EthoraChatUser>> {
    const { limit, offset } = pageOf(options);
    const query = { ...userFilterQuery(scope, options, 'options'), limit, offset };
    const raw = await this.http.send(ETHORA_ROUTES.listUsers, { query });
    return readPage(raw, USER_LIST_KEYS, limit, offset);
  }

  /**
   * One page of the members of a room whose id the caller has checked (`GET /v2/chats/users?chatName=`).
   * A missing room rejects with `EthoraNotFoundError`, logged at debug: the sync expects it for a new room.
   */
  async roomMembers(scope: EthoraAppScope, chatId: string, limit: number, offset: number): Promise<EthoraChatUser[]> {
    const query = { chatName: scope.names.chatName(chatId, false), limit, offset };
    return readList(await this.http.send(ETHORA_ROUTES.listUsers, { query, handled: ['not_found'] }), USER_LIST_KEYS);
  }

  /** One page of the rooms of `userId` (`GET /v2/apps/{appId}/users/{userId}/chats`). */
  async chatsOf(scope: EthoraAppScope, userId: string, options: unknown): Promise<EthoraPage<EthoraChatRoom>> {
    assertId(userId, 'userId');
    const { limit, offset } = pageOf(options);
    const includeMembers = (options as { includeMembers?: unknown } | undefined)?.includeMembers;
    assertOptionalBoolean(includeMembers, 'options.includeMembers');
    const raw = await this.http.send(ETHORA_ROUTES.userChats, {
      params: { appId: scope.appId, userId },
      query: { limit, offset, ...(includeMembers !== undefined && { includeMembers }) },
    });
    return readPage(raw, ['chats', 'results', 'items'], limit, offset);
  }

  private async updateChunk(chunk: PendingUserUpdate[]): Promise<UpdateUserResult[]> {
    try {
      const answer = await this.http.send<unknown>(ETHORA_ROUTES.updateUsers, { body: { users: chunk.map(({ entry }) => entry) } });
      const byName = new Map(readList<UpdateAnswerItem>(answer, ['results']).map((result) => [result.xmppUsername, result]));
      return chunk.map(({ userId, entry: { xmppUsername } }) => ({ userId, xmppUsername, status: byName.get(xmppUsername)?.status ?? 'missing' }));
    } catch (error) {
      // Never drop a user: each one the failed request carried is reported with the reason.
      return chunk.map(({ userId, entry: { xmppUsername } }) => ({ userId, xmppUsername, status: 'failed', error: error as Error }));
    }
  }
}

/** Checks the filters of `getUsers` / `iterateUsers` and turns them into the query Ethora reads. */
export function userFilterQuery(scope: EthoraAppScope, filter: unknown, argument: string): Record<string, string | undefined> {
  if (filter === undefined) return {};
  assertObject(filter, argument);
  const { chatName, xmppUsername, userId } = filter as EthoraUserFilter;
  if (chatName !== undefined) assertId(chatName, `${argument}.chatName`);
  if (xmppUsername !== undefined) assertId(xmppUsername, `${argument}.xmppUsername`);
  if (userId !== undefined) assertId(userId, `${argument}.userId`);
  return {
    chatName: chatName === undefined ? undefined : scope.names.chatName(chatName, false),
    xmppUsername: xmppUsername === undefined ? undefined : scope.names.xmppUsername(xmppUsername),
    userId,
  };
}
