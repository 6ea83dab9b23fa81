import { Injectable } from '@nestjs/common';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { TraceEthoraCalls } from '../observability/trace-ethora-calls.decorator.js';
import { ETHORA_APP_ID_PATTERN } from '../validation/arguments.js';
import type {
  BroadcastOptions,
  BroadcastRequest,
  BroadcastResult,
  CreateAppData,
  CreateAppTokenData,
  DeleteAppResult,
  EthoraApp,
  EthoraAppOrder,
  EthoraAppToken,
  EthoraAppTokenSecret,
  EthoraBotSettings,
  ListAppsOptions,
  ProvisionAppData,
  RevokeAppTokenResult,
} from '../interfaces/ethora-apps.interface.js';
import type { EthoraIterateOptions, EthoraPage, EthoraPageOptions } from '../interfaces/ethora-paging.interface.js';
import type {
  CreateChatRoomData,
  CreateChatRoomResult,
  DeleteChatRoomResult,
  EthoraChatRoom,
} from '../interfaces/ethora-rooms.interface.js';
import type { CreateUserResult, CreateUsersEntry, DeleteUsersResult } from '../interfaces/ethora-users.interface.js';
import { paginate } from '../paging/paginate.js';
import { EthoraRooms } from '../rooms/ethora-rooms.js';
import { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { buildNewUsers } from '../users/new-user.js';
import { pageSizeOf } from '../validation/request-arguments.js';
import { appOrderOf, EthoraAppRegistry } from './ethora-app-registry.js';
import { EthoraAppScopes } from './ethora-app-scopes.js';
import { EthoraAppSettings } from './ethora-app-settings.js';
import { EthoraAppTokens } from './ethora-app-tokens.js';
import { EthoraBroadcasts } from './ethora-broadcasts.js';

/**
 * Tenant administration: apps, app tokens, provisioning, the chatbot, broadcasts, and users and rooms of
 * child apps (`/v2/apps/{appId}/...`).
 *
 * Every `appId` parameter defaults to the configured app when left `undefined`, and may name another app:
 * Ethora lets the server token of an app act on the apps that app created through `createApp` (its child
 * apps). Any other app answers 403 (`EthoraPermissionError`); an unknown one 404 (`EthoraNotFoundError`).
 * See docs/child-apps.md. Arguments are checked before anything is sent (`EthoraArgumentError`).
 */
@Injectable()
// Observability hook: every async method is one INTERNAL span `ethora.<method>`, for the app its first argument names.
@TraceEthoraCalls<EthoraAppsService>((apps, [appId]) =>
  typeof appId === 'string' && ETHORA_APP_ID_PATTERN.test(appId) ? appId.toLowerCase() : apps['scopes'].own().appId,
)
export class EthoraAppsService {
  constructor(
    private readonly scopes: EthoraAppScopes,
    private readonly registry: EthoraAppRegistry,
    private readonly tokens: EthoraAppTokens,
    private readonly settings: EthoraAppSettings,
    private readonly broadcasts: EthoraBroadcasts,
    private readonly userBatches: EthoraUserBatches,
    private readonly rooms: EthoraRooms,
  ) {}

  /**
   * Creates a child app (`POST /v2/apps`). Resolves to the app, whose `appToken` (a server token of the new
   * app) is shown only here: store it like a password, never log it. Not retried on failure.
   */
  async createApp(data: CreateAppData): Promise<EthoraApp> {
    return this.registry.create(data);
  }

  /** Reads an app (`GET /v2/apps/{appId}`); default the configured app. */
  async getApp(appId?: string): Promise<EthoraApp> {
    return this.registry.get(this.scopes.appId(appId));
  }

  /**
   * Deletes a child app and what it holds (`DELETE /v2/apps/{appId}`). Resolves `{ ok: false, reason: 'App not found' }`
   * when it is gone already. The configured app itself is refused with `EthoraArgumentError`.
   */
  async deleteApp(appId: string): Promise<DeleteAppResult> {
    if (appId === undefined) throw new EthoraArgumentError('appId', 'is required: name the child app to delete');
    return this.registry.remove(this.scopes.appId(appId), this.scopes.own().appId);
  }

  /** One page of the apps this token sees: its own and the ones it created (`GET /v2/apps`). */
  async listApps(options?: ListAppsOptions): Promise<EthoraPage<EthoraApp>> {
    return this.registry.list(options);
  }

  /** Every app `listApps` would list, one at a time, fetched a page at a time. */
  iterateApps(options?: EthoraAppOrder & EthoraIterateOptions): AsyncGenerator<EthoraApp, void, undefined> {
    const order = appOrderOf(options);
    const pageSize = pageSizeOf(options);
    return paginate(async (offset, limit) => (await this.listApps({ ...order, limit, offset })).items, { pageSize });
  }

  /** The app's API tokens, without their secrets (`GET /v2/apps/{appId}/tokens`). */
  async listAppTokens(appId?: string): Promise<EthoraAppToken[]> {
    return this.tokens.list(this.scopes.appId(appId));
  }

  /**
   * Creates an app API token (`POST /v2/apps/{appId}/tokens`). Resolves to `{ tokenId, token }`: `token` is the
   * secret, shown once; the library never logs it. Not retried on failure.
   */
  async createAppToken(appId?: string, data?: CreateAppTokenData): Promise<EthoraAppTokenSecret> {
    return this.tokens.create(this.scopes.appId(appId), data);
  }

  /** Revokes an app API token (`DELETE /v2/apps/{appId}/tokens/{tokenId}`); `{ ok: false }` when it is unknown. */
  async revokeAppToken(appId: string | undefined, tokenId: string): Promise<RevokeAppTokenResult> {
    return this.tokens.revoke(this.scopes.appId(appId), tokenId);
  }

  /** Replaces a token's secret (`POST .../tokens/{tokenId}/rotate`); resolves to the new secret, shown once. */
  async rotateAppToken(appId: string | undefined, tokenId: string): Promise<EthoraAppTokenSecret> {
    return this.tokens.rotate(this.scopes.appId(appId), tokenId);
  }

  /** Sets an app up with rooms (`POST /v2/apps/{appId}/provision`); resolves to Ethora's answer, as sent. */
  async provisionApp(appId?: string, data?: ProvisionAppData): Promise<unknown> {
    return this.settings.provision(this.scopes.appId(appId), data);
  }

  /** The app's chatbot settings (`GET /v2/apps/{appId}/bot`). */
  async getBot(appId?: string): Promise<EthoraBotSettings> {
    return this.settings.getBot(this.scopes.appId(appId));
  }

  /** Changes chatbot settings (`PUT /v2/apps/{appId}/bot`): `status` on|off, `trigger` any_message|/bot, ... */
  async updateBot(appId: string | undefined, settings: EthoraBotSettings): Promise<EthoraBotSettings> {
    return this.settings.updateBot(this.scopes.appId(appId), settings);
  }

  /**
   * Sends `text` to every room (`allRooms: true`), or to rooms by `chatIds` or `chatNames` — exactly one
   * (`POST /v2/apps/{appId}/chats/broadcast`), and waits for the job unless `options.wait` is false.
   * @throws EthoraJobError when the job fails, times out or the wait is aborted.
   */
  async broadcast(appId: string | undefined, request: BroadcastRequest, options?: BroadcastOptions): Promise<BroadcastResult> {
    return this.broadcasts.send(this.scopes.app(appId), request, options);
  }

  /**
   * Creates 1–100 users in an app (`POST /v2/apps/{appId}/users/batch`), each `{ userId, ...createUser's data }`,
   * waits for the job and resolves to one outcome per user, in input order (`created`, `exists`, ...).
   */
  async createAppUsers(appId: string | undefined, users: CreateUsersEntry[]): Promise<CreateUserResult[]> {
    const scope = this.scopes.app(appId);
    return this.userBatches.create(scope, buildNewUsers(users, scope.appId));
  }

  /** Deletes 1–100 users of an app (`DELETE /v2/apps/{appId}/users/batch`); `{ ok: false }` when none exist. */
  async deleteAppUsers(appId: string | undefined, userIds: string[]): Promise<DeleteUsersResult> {
    return this.userBatches.remove(this.scopes.app(appId), userIds);
  }

  /** Creates the room `<appId>_<chatId>` in an app (`POST /v2/apps/{appId}/chats`); `exists` when it is there. */
  async createAppChatRoom(appId: string | undefined, chatId: string, roomData?: CreateChatRoomData): Promise<CreateChatRoomResult> {
    return this.rooms.create(this.scopes.app(appId), chatId, roomData);
  }

  /** One page of an app's rooms (`GET /v2/apps/{appId}/chats`). */
  async listAppChatRooms(appId?: string, options?: EthoraPageOptions): Promise<EthoraPage<EthoraChatRoom>> {
    return this.rooms.list(this.scopes.app(appId), options);
  }

  /** Every room of an app, one at a time, fetched a page at a time. */
  iterateAppChatRooms(appId?: string, options?: EthoraIterateOptions): AsyncGenerator<EthoraChatRoom, void, undefined> {
    const scope = this.scopes.app(appId);
    const pageSize = pageSizeOf(options);
    return paginate(async (offset, limit) => (await this.rooms.list(scope, { limit, offset })).items, { pageSize });
  }

  /** Deletes a room of an app (`DELETE /v2/apps/{appId}/chats`); `{ ok: false }` when it does not exist. */
  async deleteAppChatRoom(appId: string | undefined, chatId: string): Promise<DeleteChatRoomResult> {
    return this.rooms.remove(this.scopes.app(appId), chatId);
  }

  /** Gives 1–100 users access to a room of an app (`POST /v2/apps/{appId}/chats/users-access`). */
  async grantAppUserAccess(appId: string | undefined, chatId: string, userIds: string | string[]): Promise<unknown> {
    return this.rooms.changeAccess(this.scopes.app(appId), 'grant', chatId, userIds);
  }

  /** Takes access to a room of an app away from 1–100 users (`DELETE /v2/apps/{appId}/chats/users-access`). */
  async removeAppUserAccess(appId: string | undefined, chatId: string, userIds: string | string[]): Promise<unknown> {
    return this.rooms.changeAccess(this.scopes.app(appId), 'revoke', chatId, userIds);
  }
}
