import { Injectable } from '@nestjs/common';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import { okOrNotFound } from '../http/not-found-result.js';
import type { CreateAppData, DeleteAppResult, EthoraApp, EthoraAppOrder, UpdateAppData } from '../interfaces/ethora-apps.interface.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import { readPage, unwrap } from '../paging/read-page.js';

/**
 * Apps of the tenant: create, read, update, delete and list (`/v2/apps`). Ethora lists the caller's app and the
 * apps it created. Takes checked values only.
 * @internal
 */
@Injectable()
export class EthoraAppRegistry {
  constructor(private readonly http: EthoraHttpClient) {}

  /** `POST /v2/apps`; resolves to the new app (with its one-time `appToken`). Not retried: a repeat makes a second app. */
  async create(body: CreateAppData): Promise<EthoraApp> {
    return unwrap<EthoraApp>(await this.http.send<unknown>(ETHORA_ROUTES.createApp, { body }), 'app');
  }

  /** `GET /v2/apps/{appId}`. */
  async get(appId: string): Promise<EthoraApp> {
    return unwrap<EthoraApp>(await this.http.send<unknown>(ETHORA_ROUTES.getApp, { params: { appId } }), 'app');
  }

  /** `PATCH /v2/apps/{appId}`; resolves to the app as Ethora answers it. */
  async update(appId: string, body: UpdateAppData): Promise<EthoraApp> {
    return unwrap<EthoraApp>(await this.http.send<unknown>(ETHORA_ROUTES.updateApp, { params: { appId }, body }), 'app');
  }

  /** `DELETE /v2/apps/{appId}`; a missing app resolves `{ ok: false }`, so a retried delete is not an error. */
  async remove(appId: string): Promise<DeleteAppResult> {
    return okOrNotFound(this.http, ETHORA_ROUTES.deleteApp, { params: { appId } }, 'App not found');
  }

  /** One page of apps (`GET /v2/apps`), sorted by `orderBy` (default server-side) in `order`. */
  async list(query: EthoraAppOrder & { limit: number; offset: number }): Promise<EthoraPage<EthoraApp>> {
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.listApps, { query: { ...query } });
    return readPage(raw, ['apps', 'results', 'items'], query.limit, query.offset);
  }
}
