import { randomUUID } from 'node:crypto';
import type { BotConfig } from '../emulator-records.js';
import { validationError } from '../http-error.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { publicRoom } from '../serializers.js';
import { asObject, oneOf, optionalBoolean, optionalString, requireArray, requireString } from '../validation.js';

/** Creates the listed rooms (type group, a generated chat id each). */
function provision(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const b = ctx.body === undefined ? {} : asObject(ctx.body);
  const list = b.rooms === undefined ? [] : requireArray(b.rooms, 'rooms', 0, 100);
  const specs = list.map((raw, i) => {
    const r = asObject(raw, `rooms[${i}]`);
    return { title: requireString(r.title, `rooms[${i}].title`), pinned: optionalBoolean(r.pinned, `rooms[${i}].pinned`) };
  });
  const rooms = specs.map((spec) => publicRoom(app.appId, services.store.createRoom(app, { chatId: randomUUID(), type: 'group', ...spec })));
  return { body: { ok: true, rooms } };
}

function getBot(ctx: RouteContext): RouteResult {
  return { body: { bot: { ...ctx.app.bot } } };
}

/** Merges the given fields (unknown ones are kept as sent); enums are checked. */
function putBot(ctx: RouteContext): RouteResult {
  const b = asObject(ctx.body);
  const next: BotConfig = { ...ctx.app.bot, ...b };
  if (b.status !== undefined) next.status = oneOf(b.status, ['on', 'off'] as const, 'status');
  if (b.trigger !== undefined) next.trigger = oneOf(b.trigger, ['any_message', '/bot'] as const, 'trigger');
  if (b.prompt !== undefined) next.prompt = optionalString(b.prompt, 'prompt') ?? '';
  if (b.greetingMessage !== undefined) next.greetingMessage = optionalString(b.greetingMessage, 'greetingMessage') ?? '';
  if (b.chatId !== undefined && b.chatId !== null && typeof b.chatId !== 'string') throw validationError('chatId must be a string or null');
  ctx.app.bot = next;
  return { body: { bot: { ...next } } };
}

/** Provisioning and chatbot settings. @internal */
export const appFeatureRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v2/apps/:appId/provision', auth: 'server', handler: provision },
  { method: 'GET', path: '/v2/apps/:appId/bot', auth: 'server', handler: getBot },
  { method: 'PUT', path: '/v2/apps/:appId/bot', auth: 'server', handler: putBot },
  // App-token twins (the mcp server sends an app token; a server token works too).
  { method: 'GET', path: '/v2/bot', auth: 'server', handler: getBot },
  { method: 'PUT', path: '/v2/bot', auth: 'server', handler: putBot },
];
