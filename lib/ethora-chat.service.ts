import { Injectable } from '@nestjs/common';
import { EthoraAppChat } from './chat-api/ethora-app-chat.js';
import { EthoraChatParts } from './chat-api/ethora-chat-parts.js';
import { ETHORA_CHAT_ENV_VARS, ETHORA_LIMITS } from './ethora-chat.constants.js';
import { EthoraConfigError } from './errors/ethora-config.error.js';
import { EthoraHttpClient } from './http/ethora-http.client.js';
import { ETHORA_ROUTES } from './http/ethora-routes.js';
import type { EthoraChatApi } from './interfaces/ethora-chat-api.interface.js';
import type { EthoraPingResult } from './interfaces/ethora-health.interface.js';
import type { EthoraMessage } from './interfaces/ethora-messages.interface.js';
import type { EthoraIterateOptions, EthoraPage, EthoraPageOptions } from './interfaces/ethora-paging.interface.js';
import type { ClientTokenOptions } from './interfaces/ethora-tokens.interface.js';
import type { EthoraChatUser } from './interfaces/ethora-user-directory.interface.js';
import { EthoraMessages } from './messages/ethora-messages.js';
import type { EthoraRateLimitState } from './contract/rate-limit-state.js';
import { TraceEthoraCalls } from './observability/trace-ethora-calls.decorator.js';
import { paginate } from './paging/paginate.js';
import { EthoraTokenService } from './tokens/ethora-token.service.js';
import { readId } from './edge/arguments.js';
import { assertText, pageOf, pageSizeOf, readAppId } from './edge/request-arguments.js';

/**
 * The Ethora chat API of the configured app, for a Nest app. It keeps the official SDK's methods with their
 * names and arguments (`createChatName`, `createChatUserJwtToken`, `createUser`, `createChatRoom`,
 * `grantUserAccessToChatRoom`, `removeUserAccessFromChatRoom`, `grantChatbotAccessToChatRoom`, `deleteUsers`,
 * `deleteChatRoom`) and implements the whole `EthoraChatApi`; `forApp(childAppId)` returns that API bound to a
 * child app. Methods that only the configured app has: client tokens, the chatbot grant, `ping`, user lookup by
 * XMPP username, and messages sent or read with the app token.
 */
@Injectable()
// Observability hook: every async method it adds is one INTERNAL span `ethora.<method>` (EthoraAppChat traces its own).
@TraceEthoraCalls<EthoraChatService>((chat) => chat.appId)
export class EthoraChatService extends EthoraAppChat {
  readonly #children = new Map<string, EthoraChatApi>();

  constructor(
    parts: EthoraChatParts,
    private readonly http: EthoraHttpClient,
    private readonly tokens: EthoraTokenService,
    private readonly messages: EthoraMessages,
  ) {
    super(parts.ownScope, parts);
  }

  /**
   * The chat API of a child app (one this app created with `createApp`), through Ethora's `/v2/apps/{appId}/...`
   * routes. The id is checked once (24 hex characters) and the API is cached per app. Sends nothing.
   */
  forApp(childAppId: string): EthoraChatApi {
    const appId = readAppId(childAppId, 'childAppId');
    let api = this.#children.get(appId);
    if (!api) {
      api = new EthoraAppChat(this.parts.appScope(appId), this.parts);
      this.#children.set(appId, api);
    }
    return api;
  }

  /**
   * The last rate-limit state Ethora sent (`x-ratelimit-limit/-remaining/-reset`, `Retry-After`), or `undefined`
   * when it never sent any. Answers without those headers leave it as it was. One state for the module: every
   * app's calls go to the same server with the same credentials.
   */
  get rateLimitState(): EthoraRateLimitState | undefined {
    return this.http.rateLimitState;
  }

  /**
   * A client JWT for `userId`, to hand to Ethora's chat component. Expires after `options.expiresInSeconds`
   * (default: the module's `clientTokenTtlSeconds`, 900 s). Sends nothing.
   * @throws EthoraConfigError when no `appSecret` is configured: an app token cannot mint tokens.
   */
  createChatUserJwtToken(userId: string, options?: ClientTokenOptions): string {
    return this.tokens.createClientToken(userId, options);
  }

  /**
   * Adds the configured chatbot (`chatbotJid`) to a room (`POST /v2/chats/users-access`).
   * @throws EthoraConfigError when no chatbot is configured.
   */
  async grantChatbotAccessToChatRoom(chatId: string): Promise<void> {
    const bot = this.parts.options.chatbotJid;
    if (!bot) {
      throw new EthoraConfigError('chatbotJid', ETHORA_CHAT_ENV_VARS.chatbotJid, "is not set, so there is no chatbot to add. Set it to the bot user's JID.");
    }
    const id = readId(chatId, 'chatId', this.appId);
    await this.parts.rooms.sendAccess(this.scope, 'grant', id, [bot]);
  }

  /** Checks that Ethora answers (`GET /v1/ping`) and measures the round trip. */
  async ping(): Promise<EthoraPingResult> {
    const started = performance.now();
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.ping);
    return { latencyMs: Math.round(performance.now() - started), raw };
  }

  /**
   * One user of the app by XMPP username (`GET /v1/apps/users/{xmppUsername}`): a user id or `<appId>_<userId>`.
   * An unknown user rejects with code `not_found`.
   */
  async getUserByXmppUsername(xmppUsername: string): Promise<EthoraChatUser> {
    const id = readId(xmppUsername, 'xmppUsername', this.appId);
    return this.parts.users.byXmppUsername(this.scope.names.xmppUsername(id));
  }

  /**
   * Sends `text` to the room as the app's bot (`POST /v2/chats/messages`, `mode: 'group'`, the room's JID).
   * Needs the `appToken` option. Not retried: a repeat would post the message twice.
   * @throws EthoraConfigError when no `appToken` is configured.
   */
  async sendMessage(chatId: string, text: string): Promise<void> {
    const id = readId(chatId, 'chatId', this.appId);
    assertText(text, 'text');
    await this.messages.send(this.scope.names.chatName(id, true), text);
  }

  /**
   * One page of the room's messages (`GET /v2/chats/history`, `mode: 'group'`): `limit` 1–100 (default 100),
   * `offset` ≥ 0. Needs the `appToken` option.
   */
  async getRoomHistory(chatId: string, options?: EthoraPageOptions): Promise<EthoraPage<EthoraMessage>> {
    const id = readId(chatId, 'chatId', this.appId);
    const page = pageOf(options, 'options', ETHORA_LIMITS.historyPageSize);
    return this.messages.history(this.scope.names.chatName(id, true), page);
  }

  /** Every message of the room's history, fetched `pageSize` (1–100, default 100) at a time as the loop asks. */
  iterateRoomHistory(chatId: string, options?: EthoraIterateOptions): AsyncGenerator<EthoraMessage, void, undefined> {
    const roomJid = this.scope.names.chatName(readId(chatId, 'chatId', this.appId), true);
    const pageSize = pageSizeOf(options, 'options', ETHORA_LIMITS.historyPageSize);
    return paginate(async (offset, limit) => (await this.messages.history(roomJid, { limit, offset })).items, { pageSize });
  }
}
