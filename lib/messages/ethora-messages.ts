import { Injectable } from '@nestjs/common';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { EthoraMessage } from '../interfaces/ethora-messages.interface.js';
import type { EthoraPage } from '../interfaces/ethora-paging.interface.js';
import { readPage } from '../paging/read-page.js';

/**
 * Room messages through the app-token routes (ethora-api.md §7.1): send as the app's bot
 * (`POST /v2/chats/messages`) and read history (`GET /v2/chats/history`), both in `group` mode by room JID.
 * Takes checked values only.
 * @internal
 */
@Injectable()
export class EthoraMessages {
  constructor(private readonly http: EthoraHttpClient) {}

  /** Sends `text` to the room. Not retried: a repeat would post the message twice. */
  async send(roomJid: string, text: string): Promise<void> {
    await this.http.send(ETHORA_ROUTES.sendMessage, { body: { text, mode: 'group', roomJid } });
  }

  /** One page of the room's messages; the list may come under `messages`, `results`, `history` or `items`. */
  async history(roomJid: string, page: { limit: number; offset: number }): Promise<EthoraPage<EthoraMessage>> {
    const raw = await this.http.send(ETHORA_ROUTES.roomHistory, { query: { mode: 'group', roomJid, ...page } });
    return readPage(raw, ['messages', 'results', 'history', 'items'], page.limit, page.offset);
  }
}
