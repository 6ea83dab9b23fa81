import { Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import type { EthoraChatRoom } from '../interfaces/ethora-rooms.interface.js';
import type { EthoraChatUser, UpdateUserResult } from '../interfaces/ethora-user-directory.interface.js';
import { readList, readPage, unwrap } from '../paging/read-page.js';
import type { UserChatsQuery, UserListQuery } from '../edge/user-queries.js';
import type { PendingUserUpdate } from '../edge/user-update.js';

type UpdateAnswerItem = { xmppUsername?: string; status?: string };

// Ethora puts user lists under `results` or `users` (ethora-api.md §4 [I]).
const USER_LIST_KEYS = ['results', 'users', 'items'];

/**
 * The user directory of an app: bulk profile updates, the user list, one user by XMPP username and a user's
 * rooms. Takes checked values only. A child app's users go through the `/v2/apps/{appId}/chats/users` twin.
 * @internal
 */
@Injectable()
export class EthoraUsers {
  constructor(private readonly http: EthoraHttpClient) {}

  /**
   * Updates any number of users, 100 per `PATCH /v2/chats/users` (Ethora's cap), one request at a time. Every
   * user gets a result in input order: a chunk that fails marks each of its users `failed` with the error.
   */
  async update(scope: EthoraAppScope, pending: readonly PendingUserUpdate[]): Promise<UpdateUserResult[]> {
    const results: UpdateUserResult[] = [];
    for (let start = 0; start < pending.length; start += ETHORA_LIMITS.usersPerUpdate) {
      results.push(...(await this.updateChunk(scope, pending.slice(start, start + ETHORA_LIMITS.usersPerUpdate))));
    }
    return results;
  }

  /** One page of users (`GET /v2/chats/users`, or the app-scoped twin), filtered. The list may come under `results` or `users`. */
  async list(scope: EthoraAppScope, query: UserListQuery): Promise<EthoraPage<EthoraChatUser>> {
    const raw = await this.http.send(listRoute(scope), { params: { appId: scope.appId }, query: { ...query } });
    return readPage(raw, USER_LIST_KEYS, query.limit, query.offset);
  }

  /**
   * One page of the members of room `chatId` (the user list filtered by `chatName`). A missing room rejects
   * with `EthoraNotFoundError`, logged at debug: a sync expects it for a room it is about to create.
   */
  async roomMembers(scope: EthoraAppScope, chatId: string, limit: number, offset: number): Promise<EthoraChatUser[]> {
    const query = { chatName: scope.names.chatName(chatId, false), limit, offset };
    const raw = await this.http.send(listRoute(scope), { params: { appId: scope.appId }, query, handled: ['not_found'] });
    return readList(raw, USER_LIST_KEYS);
  }

  /** One user (`GET /v1/apps/users/{xmppUsername}`), read from `{ user }`, `{ result }` or the bare answer. */
  async byXmppUsername(xmppUsername: string): Promise<EthoraChatUser> {
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.userByXmppUsername, { params: { xmppUsername } });
    return unwrap<EthoraChatUser>(unwrap<unknown>(raw, 'result'), 'user');
  }

  /** One page of the rooms of `userId` (`GET /v2/apps/{appId}/users/{userId}/chats`). */
  async chatsOf(scope: EthoraAppScope, userId: string, query: UserChatsQuery): Promise<EthoraPage<EthoraChatRoom>> {
    const raw = await this.http.send(ETHORA_ROUTES.userChats, { params: { appId: scope.appId, userId }, query: { ...query } });
    return readPage(raw, ['chats', 'results', 'items'], query.limit, query.offset);
  }

  private async updateChunk(scope: EthoraAppScope, chunk: PendingUserUpdate[]): Promise<UpdateUserResult[]> {
    const route = scope.appScoped ? ETHORA_ROUTES.updateAppUsers : ETHORA_ROUTES.updateUsers;
    try {
      const answer = await this.http.send<unknown>(route, { params: { appId: scope.appId }, body: { users: chunk.map(({ entry }) => entry) } });
      const byName = new Map(readList<UpdateAnswerItem>(answer, ['results']).map((result) => [result.xmppUsername, result]));
      return chunk.map(({ userId, entry: { xmppUsername } }) => ({ userId, xmppUsername, status: byName.get(xmppUsername)?.status ?? 'missing' }));
    } catch (error) {
      // Never drop a user: each one the failed request carried is reported with the reason.
      return chunk.map(({ userId, entry: { xmppUsername } }) => ({ userId, xmppUsername, status: 'failed', error: error as Error }));
    }
  }
}

function listRoute(scope: EthoraAppScope) {
  return scope.appScoped ? ETHORA_ROUTES.listAppUsers : ETHORA_ROUTES.listUsers;
}
