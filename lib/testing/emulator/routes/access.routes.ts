import { requireRoom, resolveExistingMembers } from '../room-lookup.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { asObject, requireArray } from '../validation.js';

/** Reads `{ chatName, members }`: 1–100 members that must all exist; a missing room is a 422. */
function parseAccess(ctx: RouteContext) {
  const b = asObject(ctx.body);
  const members = requireArray(b.members, 'members', 1, 100);
  const room = requireRoom(ctx.app, b.chatName, 'chatName', 'json');
  return { room, userIds: resolveExistingMembers(ctx.services.store, ctx.app, members, 'members') };
}

/**
 * Grant has set semantics: granting twice is a no-op (the real behaviour is unknown; this is the safe
 * reading). Members still queued in a user batch are accepted (§7.3; docs/decisions.md).
 */
function grant(ctx: RouteContext): RouteResult {
  const { room, userIds } = parseAccess(ctx);
  ctx.services.store.grant(ctx.app, room, userIds);
  return { body: { ok: true } };
}

/** Removing a user who is not a member is a no-op. */
function revoke(ctx: RouteContext): RouteResult {
  const { room, userIds } = parseAccess(ctx);
  ctx.services.store.revoke(ctx.app, room, userIds);
  return { body: { ok: true } };
}

/** Room access routes, their app-scoped twins and the v1 twins the SDK's demo calls. @internal */
export const accessRoutes: RouteDefinition[] = [
  { method: 'POST', path: '/v1/chats/users-access', auth: 'server', handler: grant },
  { method: 'DELETE', path: '/v1/chats/users-access', auth: 'server', handler: revoke },
  { method: 'POST', path: '/v2/chats/users-access', auth: 'server', handler: grant },
  { method: 'DELETE', path: '/v2/chats/users-access', auth: 'server', handler: revoke },
  { method: 'POST', path: '/v2/apps/:appId/chats/users-access', auth: 'server', handler: grant },
  { method: 'DELETE', path: '/v2/apps/:appId/chats/users-access', auth: 'server', handler: revoke },
];
