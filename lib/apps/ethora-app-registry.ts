import { Injectable } from '@nestjs/common';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import { okOrNotFound } from '../http/not-found-result.js';
import type { CreateAppData, DeleteAppResult, EthoraApp, EthoraAppOrder } from '../interfaces/ethora-apps.interface.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import { readPage, unwrap } from '../paging/read-page.js';
import { assertObject, assertOptionalOneOf, assertOptionalText, assertText, pageOf } from '../validation/request-arguments.js';

const ORDERS = ['asc', 'desc'] as const;

/**
 * Apps of the tenant: create, read, delete and list (`/v2/apps`). Ethora lists the caller's app and the
 * apps it created.
 * @internal
 */
@Injectable()
export class EthoraAppRegistry {
  constructor(private readonly http: EthoraHttpClient) {}

  /** `POST /v2/apps`; resolves to the new app (with its one-time `appToken`). Not retried: a repeat makes a second app. */
  async create(data: unknown): Promise<EthoraApp> {
    assertObject(data, 'data');
    assertText(data.displayName, 'data.displayName', ETHORA_LIMITS.nameMinLength);
    assertOptionalText(data.domainName, 'data.domainName');
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.createApp, { body: data as CreateAppData });
    return unwrap<EthoraApp>(raw, 'app');
  }

  /** `GET /v2/apps/{appId}`. */
  async get(appId: string): Promise<EthoraApp> {
    return unwrap<EthoraApp>(await this.http.send<unknown>(ETHORA_ROUTES.getApp, { params: { appId } }), 'app');
  }

  /**
   * `DELETE /v2/apps/{appId}`; a missing app resolves `{ ok: false }`, so a retried delete is not an error.
   * Refuses the configured app itself: deleting the app whose secret signs every call is never what a
   * caller of this library means (use Ethora's admin panel for that).
   */
  async remove(appId: string, ownAppId: string): Promise<DeleteAppResult> {
    if (appId === ownAppId) throw new EthoraArgumentError('appId', 'is the configured app; this library does not delete the app it runs as');
    return okOrNotFound(this.http, ETHORA_ROUTES.deleteApp, { params: { appId } }, 'App not found');
  }

  /** One page of apps (`GET /v2/apps`), sorted by `orderBy` (default server-side) in `order`. */
  async list(options: unknown): Promise<EthoraPage<EthoraApp>> {
    const { limit, offset } = pageOf(options);
    const { order, orderBy } = appOrderOf(options);
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.listApps, { query: { limit, offset, order, orderBy } });
    return readPage(raw, ['apps', 'results', 'items'], limit, offset);
  }
}

/** Checks `order` (`asc` | `desc`) and `orderBy` (a non-blank field name) of `listApps` / `iterateApps`. */
export function appOrderOf(options: unknown): EthoraAppOrder {
  if (options === undefined) return {};
  assertObject(options, 'options');
  const { order, orderBy } = options as EthoraAppOrder;
  assertOptionalOneOf(order, ORDERS, 'options.order');
  assertOptionalText(orderBy, 'options.orderBy');
  return { order, orderBy };
}
