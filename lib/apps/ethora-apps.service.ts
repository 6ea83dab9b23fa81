import { Inject, Injectable } from '@nestjs/common';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { TraceEthoraCalls } from '../observability/trace-ethora-calls.decorator.js';
import type {
  CreateAppData,
  CreateAppTokenData,
  DeleteAppResult,
  EthoraApp,
  EthoraAppOrder,
  EthoraAppToken,
  EthoraAppTokenSecret,
  ListAppsOptions,
  ProvisionAppData,
  RevokeAppTokenResult,
  UpdateAppData,
} from '../interfaces/ethora-apps.interface.js';
import type { EthoraIterateOptions, EthoraPage } from '../interfaces/ethora-paging.interface.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { paginate } from '../paging/paginate.js';
import { assertId, ETHORA_APP_ID_PATTERN } from '../edge/arguments.js';
import { pageOf, pageSizeOf, readAppId } from '../edge/request-arguments.js';
import { readAppOrder, readAppTokenData, readCreateAppData, readUpdateAppData } from '../edge/app-arguments.js';
import { buildProvisionBody } from '../edge/app-settings-bodies.js';
import { EthoraAppRegistry } from './ethora-app-registry.js';
import { EthoraAppSettings } from './ethora-app-settings.js';
import { EthoraAppTokens } from './ethora-app-tokens.js';

/**
 * Tenant administration: apps, app tokens and provisioning. Every `appId` is explicit (24 hex characters): the
 * configured app, or a child app this app created with `createApp`. Any other app answers 403
 * (`permission_denied`); an unknown one 404 (`not_found`). To work with a child app's users and rooms, use
 * `EthoraChatService.forApp(childAppId)`. Arguments are checked before anything is sent (`EthoraArgumentError`).
 */
@Injectable()
// Observability hook: every async method is one INTERNAL span `ethora.<method>`, for the app its first argument names.
@TraceEthoraCalls<EthoraAppsService>((apps, [appId]) =>
  typeof appId === 'string' && ETHORA_APP_ID_PATTERN.test(appId) ? appId.toLowerCase() : apps['options'].appId,
)
export class EthoraAppsService {
  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly registry: EthoraAppRegistry,
    private readonly tokens: EthoraAppTokens,
    private readonly settings: EthoraAppSettings,
  ) {}

  /**
   * Creates a child app (`POST /v2/apps`). Resolves to the app, whose `appToken` (a server token of the new
   * app) is shown only here: store it like a password, never log it. Not retried on failure.
   */
  async createApp(data: CreateAppData): Promise<EthoraApp> {
    return this.registry.create(readCreateAppData(data));
  }

  /** Reads an app (`GET /v2/apps/{appId}`). */
  async getApp(appId: string): Promise<EthoraApp> {
    return this.registry.get(readAppId(appId));
  }

  /** Changes an app's settings (`PATCH /v2/apps/{appId}`), e.g. `{ displayName }`; resolves to the app as Ethora answers. */
  async updateApp(appId: string, data: UpdateAppData): Promise<EthoraApp> {
    const id = readAppId(appId);
    return this.registry.update(id, readUpdateAppData(data));
  }

  /**
   * Deletes a child app and what it holds (`DELETE /v2/apps/{appId}`). Resolves `{ ok: false, reason: 'App not found' }`
   * when it is gone already. The configured app itself is refused with `EthoraArgumentError`: deleting the app
   * whose credentials sign every call is never what a caller of this library means.
   */
  async deleteApp(appId: string): Promise<DeleteAppResult> {
    const id = readAppId(appId);
    if (id === this.options.appId) throw new EthoraArgumentError('appId', 'is the configured app; this library does not delete the app it runs as');
    return this.registry.remove(id);
  }

  /** One page of the apps this app sees: itself and the ones it created (`GET /v2/apps`). */
  async listApps(options?: ListAppsOptions): Promise<EthoraPage<EthoraApp>> {
    const order = readAppOrder(options);
    return this.registry.list({ ...order, ...pageOf(options) });
  }

  /** Every app `listApps` would list, one at a time, fetched a page at a time. */
  iterateApps(options?: EthoraAppOrder & EthoraIterateOptions): AsyncGenerator<EthoraApp, void, undefined> {
    const order = readAppOrder(options);
    const pageSize = pageSizeOf(options);
    return paginate(async (offset, limit) => (await this.registry.list({ ...order, limit, offset })).items, { pageSize });
  }

  /** The app's API tokens, without their secrets (`GET /v2/apps/{appId}/tokens`). */
  async listAppTokens(appId: string): Promise<EthoraAppToken[]> {
    return this.tokens.list(readAppId(appId));
  }

  /**
   * Creates an app API token (`POST /v2/apps/{appId}/tokens`). Resolves to `{ tokenId, token }`: `token` is the
   * secret, shown once; the library never logs it. Not retried on failure.
   */
  async createAppToken(appId: string, data?: CreateAppTokenData): Promise<EthoraAppTokenSecret> {
    const id = readAppId(appId);
    return this.tokens.create(id, readAppTokenData(data));
  }

  /** Revokes an app API token (`DELETE /v2/apps/{appId}/tokens/{tokenId}`); `{ ok: false }` when it is unknown. */
  async revokeAppToken(appId: string, tokenId: string): Promise<RevokeAppTokenResult> {
    const id = readAppId(appId);
    assertId(tokenId, 'tokenId');
    return this.tokens.revoke(id, tokenId);
  }

  /** Replaces a token's secret (`POST .../tokens/{tokenId}/rotate`); resolves to the new secret, shown once. */
  async rotateAppToken(appId: string, tokenId: string): Promise<EthoraAppTokenSecret> {
    const id = readAppId(appId);
    assertId(tokenId, 'tokenId');
    return this.tokens.rotate(id, tokenId);
  }

  /** Sets an app up with rooms (`POST /v2/apps/{appId}/provision`, `{ rooms: [{ title, pinned? }] }`). Not retried. */
  async provisionApp(appId: string, data?: ProvisionAppData): Promise<void> {
    const id = readAppId(appId);
    await this.settings.provision(id, buildProvisionBody(data));
  }
}
