import type { AppRecord, MessageRecord } from '../emulator-records.js';
import { validationError } from '../http-error.js';
import { prefixed, withoutAppPrefix } from '../naming.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { asObject, oneOf, paging, requireString } from '../validation.js';

/** Messages kept per app: enough for a test to read back, bounded for a soak. */
const MAX_KEPT_MESSAGES = 1_000;

function target(app: AppRecord, mode: 'private' | 'group', nickname: string | null | undefined, roomJid: string | null | undefined): string {
  if (mode === 'group') {
    if (!roomJid) throw validationError('roomJid is required for a group message', { roomJid: 'required' });
    return roomJid;
  }
  if (!nickname) throw validationError('nickname is required for a private message', { nickname: 'required' });
  return prefixed(app.appId, withoutAppPrefix(app.appId, nickname));
}

/**
 * `POST /v2/chats/messages` (app token, §7.1): `{ text, mode?: private|group, nickname?, roomJid? }`.
 * No client shows the answer [I]; the emulator answers `{ ok, messageId }` and keeps the message for history.
 */
function sendMessage(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const b = asObject(ctx.body);
  const text = requireString(b.text, 'text');
  const mode = oneOf(b.mode ?? 'private', ['private', 'group'] as const, 'mode');
  const to = target(app, mode, b.nickname as string | undefined, b.roomJid as string | undefined);
  const message: MessageRecord = { messageId: services.store.newObjectId(), mode, to, text, sentAt: new Date().toISOString() };
  if (app.messages.length >= MAX_KEPT_MESSAGES) app.messages.shift();
  app.messages.push(message);
  return { body: { ok: true, messageId: message.messageId } };
}

/** `GET /v2/chats/history?mode&nickname&roomJid&limit` (limit 1–100), newest last. */
function history(ctx: RouteContext): RouteResult {
  const { app, query } = ctx;
  const mode = oneOf(query.get('mode') ?? 'private', ['private', 'group'] as const, 'mode');
  const to = target(app, mode, query.get('nickname'), query.get('roomJid'));
  const { limit } = paging(query, 100);
  const messages = app.messages.filter((m) => m.mode === mode && m.to === to).slice(-limit);
  return { body: { messages } };
}

/** Message routes of the app-token API. @internal */
export const messageRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v2/chats/messages', auth: 'server', handler: sendMessage },
  { method: 'GET', path: '/v2/chats/history', auth: 'server', handler: history },
];
