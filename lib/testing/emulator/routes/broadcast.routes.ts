import { EmulatorHttpError, validationError } from '../http-error.js';
import { assertPlainId, resolveLocalName } from '../naming.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { asObject, requireArray, requireString } from '../validation.js';

/** Sent broadcasts kept per app for `state.broadcasts()`: the list must not grow for ever. */
const MAX_KEPT_BROADCASTS = 1_000;

/**
 * Reads the broadcast target: exactly one of `allRooms: true`, `chatIds` (plain ids) or
 * `chatNames` (`<appId>_<chatId>`). Named rooms must exist when the broadcast is accepted.
 * Returns the chat ids, or undefined for "all rooms" (resolved when the job completes).
 */
function parseTarget(ctx: RouteContext, b: Record<string, unknown>): string[] | undefined {
  const given = (['allRooms', 'chatIds', 'chatNames'] as const).filter((k) => b[k] !== undefined);
  if (given.length !== 1) throw new EmulatorHttpError(400, 'BAD_REQUEST', 'give exactly one of allRooms, chatIds, chatNames');
  const { app } = ctx;
  if (given[0] === 'allRooms') {
    if (b.allRooms !== true) throw new EmulatorHttpError(400, 'BAD_REQUEST', 'allRooms must be true');
    return undefined;
  }
  const field = given[0] as 'chatIds' | 'chatNames';
  const list = requireArray(b[field], field, 1, 1000);
  const ids = list.map((raw, i) =>
    field === 'chatIds' ? assertPlainId(app.appId, raw, `chatIds[${i}]`) : resolveLocalName(app.appId, raw, `chatNames[${i}]`),
  );
  const missing = list.filter((_, i) => ids[i] === undefined || !app.rooms.has(ids[i] as string));
  if (missing.length > 0) throw validationError(`${field}: rooms not found: ${missing.map((m) => JSON.stringify(m)).join(', ')}`, { missing });
  return ids as string[];
}

/** Accepts a broadcast as a job; messages count as sent when the job completes. */
function broadcast(ctx: RouteContext, statusPath: string): RouteResult {
  const { app, services } = ctx;
  const b = asObject(ctx.body);
  const text = requireString(b.text, 'text');
  const target = parseTarget(ctx, b);
  const job = services.jobs.create(app, 'broadcast', (jobId) => {
    const rooms = (target ?? app.rooms.values().map((r) => r.chatId)).map((id) => app.rooms.get(id)).filter((r) => r !== undefined);
    if (app.broadcasts.length >= MAX_KEPT_BROADCASTS) app.broadcasts.shift();
    app.broadcasts.push({ jobId, text, chatNames: rooms.map((r) => r.name), sentAt: new Date().toISOString() });
    return { sent: rooms.length };
  });
  return { status: 202, body: { jobId: job.jobId, statusUrl: `${statusPath}/${encodeURIComponent(job.jobId)}` } };
}

function pollBroadcast(ctx: RouteContext): RouteResult {
  return { body: ctx.services.jobs.poll(ctx.app, 'broadcast', ctx.params.jobId as string) };
}

/** Broadcast routes: the app-scoped ones (server token) and the app-token twins (§7.1). @internal */
export const broadcastRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v2/apps/:appId/chats/broadcast', auth: 'server', handler: (ctx) => broadcast(ctx, `/v2/apps/${ctx.app.appId}/chats/broadcast`) },
  { method: 'GET', path: '/v2/apps/:appId/chats/broadcast/:jobId', auth: 'server', handler: pollBroadcast },
  { method: 'POST', path: '/v2/chats/broadcast', auth: 'server', handler: (ctx) => broadcast(ctx, '/v2/chats/broadcast') },
  { method: 'GET', path: '/v2/chats/broadcast/:jobId', auth: 'server', handler: pollBroadcast },
];
