import { Injectable } from '@nestjs/common';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import { okOrNotFound } from '../http/not-found-result.js';
import type { CreateAppTokenData, EthoraAppToken, EthoraAppTokenSecret, RevokeAppTokenResult } from '../interfaces/ethora-apps.interface.js';
import { readList } from '../paging/read-page.js';

/**
 * App API tokens (`/v2/apps/{appId}/tokens`). Create and rotate answer the secret once; it is returned to the
 * caller and never logged (the HTTP client logs no answer bodies, and redacts `token` in request bodies).
 * Takes checked values only.
 * @internal
 */
@Injectable()
export class EthoraAppTokens {
  constructor(private readonly http: EthoraHttpClient) {}

  /** The app's tokens, without secrets. */
  async list(appId: string): Promise<EthoraAppToken[]> {
    return readList<EthoraAppToken>(await this.http.send<unknown>(ETHORA_ROUTES.listAppTokens, { params: { appId } }), ['tokens', 'results', 'items']);
  }

  /** A new token; its secret is in the answer only. Not retried: a repeat would mint a second token. */
  async create(appId: string, body: CreateAppTokenData): Promise<EthoraAppTokenSecret> {
    return this.http.send<EthoraAppTokenSecret>(ETHORA_ROUTES.createAppToken, { params: { appId }, body });
  }

  /** Revokes a token; JWTs signed with it stop working. An unknown token resolves `{ ok: false }` (revoked already). */
  async revoke(appId: string, tokenId: string): Promise<RevokeAppTokenResult> {
    return okOrNotFound(this.http, ETHORA_ROUTES.revokeAppToken, { params: { appId, tokenId } }, 'Token not found');
  }

  /** Replaces a token's secret; the old one stops working. Not retried: a repeat would rotate again. */
  async rotate(appId: string, tokenId: string): Promise<EthoraAppTokenSecret> {
    return this.http.send<EthoraAppTokenSecret>(ETHORA_ROUTES.rotateAppToken, { params: { appId, tokenId } });
  }
}
