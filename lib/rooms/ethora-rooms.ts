import { Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { isEthoraApiError } from '../errors/ethora-api.error.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES, type EthoraRoute } from '../http/ethora-routes.js';
import { okOrNotFound } from '../http/not-found-result.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import type {
  CreateChatRoomResult,
  DeleteChatRoomResult,
  EthoraChatRoom,
  UpdateChatRoomData,
} from '../interfaces/ethora-rooms.interface.js';
import { readPage } from '../paging/read-page.js';
import { buildAccessBody, type RoomBody } from '../edge/room-bodies.js';

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
 * Takes checked values only: the public API checks its arguments before calling here.
 * @internal
 */
@Injectable()
export class EthoraRooms {
  constructor(private readonly http: EthoraHttpClient) {}

  /** Creates a room; an existing one resolves `{ status: 'exists' }` (creates are keyed by chatId). */
  async create(scope: EthoraAppScope, body: RoomBody): Promise<CreateChatRoomResult> {
    const name = scope.names.chatName(body.uuid, false);
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
    const body = { name: scope.names.chatName(chatId, false) };
    return okOrNotFound(this.http, routesOf(scope).remove, { params: { appId: scope.appId }, body }, 'Chat room not found');
  }

  /** Sends a grant or removal (≤ 100 members: plain ids, or the chatbot's JID). */
  async sendAccess(scope: EthoraAppScope, change: AccessChange, chatId: string, members: readonly string[]): Promise<void> {
    const body = buildAccessBody(scope.names, chatId, members);
    await this.http.send(routesOf(scope)[change], { params: { appId: scope.appId }, body });
  }

  /** Changes a room's title and/or description (`PATCH /v2/apps/{appId}/chats/{chatName}`). */
  async update(scope: EthoraAppScope, chatId: string, body: UpdateChatRoomData): Promise<void> {
    const params = { appId: scope.appId, chatName: scope.names.chatName(chatId, false) };
    await this.http.send(ETHORA_ROUTES.updateChat, { params, body });
  }

  /** One page of the app's rooms (`GET /v2/apps/{appId}/chats`). */
  async list(scope: EthoraAppScope, page: { limit: number; offset: number }): Promise<EthoraPage<EthoraChatRoom>> {
    const raw = await this.http.send(ETHORA_ROUTES.listAppChats, { params: { appId: scope.appId }, query: page });
    return readPage(raw, ['chats', 'results', 'items'], page.limit, page.offset);
  }
}

function routesOf(scope: EthoraAppScope): RoomRoutes {
  return scope.appScoped ? APP_ROUTES : OWN_ROUTES;
}
