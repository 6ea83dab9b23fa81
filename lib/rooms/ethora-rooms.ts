import { Injectable } from '@nestjs/common';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { isEthoraApiError } from '../errors/ethora-api.error.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES, type EthoraRoute } from '../http/ethora-routes.js';
import { okOrNotFound } from '../http/not-found-result.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import type {
  CreateChatRoomResult,
  DeleteChatRoomResult,
  EthoraChatRoom,
} from '../interfaces/ethora-rooms.interface.js';
import { readPage } from '../paging/read-page.js';
import { assertId, idOrIds } from '../validation/arguments.js';
import { pageOf } from '../validation/request-arguments.js';
import { buildAccessBody, buildRoomBody, buildRoomUpdate } from './room-bodies.js';

/** A grant or a removal of room access. */
export type AccessChange = 'grant' | 'revoke';

interface RoomRoutes {
  create: EthoraRoute;
  remove: EthoraRoute;
  grant: EthoraRoute;
  revoke: EthoraRoute;
}

// The configured app's own routes, and the `/v2/apps/{appId}` twins that act on any app the token may manage.
const OWN_ROUTES: RoomRoutes = {
  create: ETHORA_ROUTES.createChat,
  remove: ETHORA_ROUTES.deleteChat,
  grant: ETHORA_ROUTES.grantAccess,
  revoke: ETHORA_ROUTES.removeAccess,
};
const APP_ROUTES: RoomRoutes = {
  create: ETHORA_ROUTES.createAppChat,
  remove: ETHORA_ROUTES.deleteAppChat,
  grant: ETHORA_ROUTES.grantAppAccess,
  revoke: ETHORA_ROUTES.removeAppAccess,
};

/**
 * Room calls for one app scope (the configured app or a child app): create, delete, access, update, list.
 * The public services delegate here, so the configured-app methods and their child-app twins share one
 * implementation.
 * @internal
 */
@Injectable()
export class EthoraRooms {
  constructor(private readonly http: EthoraHttpClient) {}

  /** Creates a room; an existing one resolves `{ status: 'exists' }` (creates are keyed by chatId). */
  async create(scope: EthoraAppScope, chatId: string, roomData: unknown): Promise<CreateChatRoomResult> {
    const body = buildRoomBody(scope.names, chatId, roomData);
    const name = scope.names.chatName(chatId, false);
    try {
      const answer = await this.http.send<{ result: EthoraChatRoom }>(routesOf(scope).create, {
        params: { appId: scope.appId },
        body,
        handled: ['conflict'],
      });
      return { status: 'created', name, result: answer.result };
    } catch (error) {
      if (isEthoraApiError(error) && error.code === 'conflict') return { status: 'exists', name };
      throw error;
    }
  }

  /** Deletes a room; a missing one resolves `{ ok: false, reason: 'Chat room not found' }`. */
  async remove(scope: EthoraAppScope, chatId: string): Promise<DeleteChatRoomResult> {
    assertId(chatId, 'chatId');
    const body = { name: scope.names.chatName(chatId, false) };
    return okOrNotFound(this.http, routesOf(scope).remove, { params: { appId: scope.appId }, body }, 'Chat room not found');
  }

  /** Grants or removes access for one user or up to 100 users, checked first. */
  async changeAccess(scope: EthoraAppScope, change: AccessChange, chatId: string, userIds: string | string[]): Promise<unknown> {
    assertId(chatId, 'chatId');
    const ids = idOrIds(userIds, 'userIds', ETHORA_LIMITS.membersPerCall);
    return this.sendAccess(scope, change, chatId, ids);
  }

  /** Sends a grant or removal for members the caller has checked (the chatbot's JID may hold `@`). */
  async sendAccess(scope: EthoraAppScope, change: AccessChange, chatId: string, members: string[]): Promise<unknown> {
    const body = buildAccessBody(scope.names, chatId, members);
    return this.http.send(routesOf(scope)[change], { params: { appId: scope.appId }, body });
  }

  /** Changes a room's title and/or description (`PATCH /v2/apps/{appId}/chats/{chatName}`). */
  async update(scope: EthoraAppScope, chatId: string, data: unknown): Promise<unknown> {
    assertId(chatId, 'chatId');
    const body = buildRoomUpdate(data);
    const params = { appId: scope.appId, chatName: scope.names.chatName(chatId, false) };
    return this.http.send(ETHORA_ROUTES.updateChat, { params, body });
  }

  /** One page of the app's rooms (`GET /v2/apps/{appId}/chats`). */
  async list(scope: EthoraAppScope, options: unknown): Promise<EthoraPage<EthoraChatRoom>> {
    const { limit, offset } = pageOf(options);
    const raw = await this.http.send(ETHORA_ROUTES.listAppChats, { params: { appId: scope.appId }, query: { limit, offset } });
    return readPage(raw, ['chats', 'results', 'items'], limit, offset);
  }
}

function routesOf(scope: EthoraAppScope): RoomRoutes {
  return scope.appScoped ? APP_ROUTES : OWN_ROUTES;
}
