import { Injectable } from '@nestjs/common';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { EthoraBotSettings, ProvisionAppData } from '../interfaces/ethora-apps.interface.js';
import { unwrap } from '../paging/read-page.js';

/**
 * Per-app setup: provisioning (`POST /v2/apps/{appId}/provision`) and chatbot settings (`/v2/apps/{appId}/bot`).
 * Takes checked values only.
 * @internal
 */
@Injectable()
export class EthoraAppSettings {
  constructor(private readonly http: EthoraHttpClient) {}

  /** Creates the listed rooms. Not retried: a repeat creates them again. */
  async provision(appId: string, body: ProvisionAppData): Promise<void> {
    await this.http.send(ETHORA_ROUTES.provisionApp, { params: { appId }, body });
  }

  /** The chatbot's settings, read from `{ bot }` or the bare answer. */
  async getBot(appId: string): Promise<EthoraBotSettings> {
    return unwrap<EthoraBotSettings>(await this.http.send<unknown>(ETHORA_ROUTES.getBot, { params: { appId } }), 'bot');
  }

  /** Sends the given settings (`PUT`); resolves to the settings Ethora answers with. */
  async updateBot(appId: string, settings: EthoraBotSettings): Promise<EthoraBotSettings> {
    return unwrap<EthoraBotSettings>(await this.http.send<unknown>(ETHORA_ROUTES.updateBot, { params: { appId }, body: settings }), 'bot');
  }
}
