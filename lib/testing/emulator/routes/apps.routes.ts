import { randomBytes } from 'node:crypto';
import { signJwt } from '../emulator-auth.js';
import type { AppRecord } from '../emulator-records.js';
import { EmulatorHttpError } from '../http-error.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { publicApp } from '../serializers.js';
import { emulatorSigningKey } from '../signing-keys.js';
import { asObject, oneOf, optionalString, paging, requireName } from '../validation.js';

const ORDER_BY = ['createdAt', 'displayName', '_id'] as const;

/** Lists the caller's app and the apps it created. */
function listApps(ctx: RouteContext): RouteResult {
  const { app, query, services } = ctx;
  const { limit, offset } = paging(query);
  const order = oneOf(query.get('order') ?? 'asc', ['asc', 'desc'] as const, 'order');
  const orderBy = oneOf(query.get('orderBy') ?? 'createdAt', ORDER_BY, 'orderBy');
  const key = (a: AppRecord): string => (orderBy === '_id' ? a.appId : orderBy === 'displayName' ? a.displayName : a.createdAt);
  const visible = [...services.store.apps.values()].filter((a) => a === app || a.parentAppId === app.appId);
  // Ties (createdAt has 1 ms resolution) fall back to creation order, reversed with 'desc' too.
  const rank = new Map(visible.map((a, i) => [a, i]));
  const dir = order === 'asc' ? 1 : -1;
  visible.sort((a, b) => dir * (key(a).localeCompare(key(b)) || (rank.get(a) as number) - (rank.get(b) as number)));
  return { body: { apps: visible.slice(offset, offset + limit).map(publicApp), total: visible.length, limit, offset } };
}

/**
 * Creates a child app of the caller's app with its own random secret (readable through
 * `emulator.state.apps()`). `appToken` is a server JWT for the child, signed with its scoped key.
 */
function createApp(ctx: RouteContext): RouteResult {
  const { app, services } = ctx;
  const b = asObject(ctx.body);
  const displayName = requireName(b.displayName, 'displayName');
  const domainName = optionalString(b.domainName, 'domainName');
  const appId = services.store.newObjectId();
  const secret = randomBytes(32).toString('hex');
  const child = services.store.createApp({ appId, secret, displayName, domainName, parentAppId: app.appId, configured: false });
  const appToken = signJwt({ data: { type: 'server', appId } }, emulatorSigningKey(secret, 'server'));
  return { body: { app: { ...publicApp(child), appToken } } };
}

function getApp(ctx: RouteContext): RouteResult {
  return { body: { app: publicApp(ctx.app) } };
}

/** Updates the display fields; other fields (uptime patches e.g. `appTagline`) are accepted and ignored. */
function updateApp(ctx: RouteContext): RouteResult {
  const b = asObject(ctx.body);
  if (b.displayName !== undefined) ctx.app.displayName = requireName(b.displayName, 'displayName');
  const domainName = optionalString(b.domainName, 'domainName');
  if (domainName !== undefined) ctx.app.domainName = domainName;
  return { body: { app: publicApp(ctx.app) } };
}

/** Decision: an app cannot delete itself (403); deleting a child also deletes what it created. */
function deleteApp(ctx: RouteContext): RouteResult {
  if (ctx.app.appId === ctx.auth?.appId) throw new EmulatorHttpError(403, 'FORBIDDEN', 'an app cannot delete itself');
  ctx.services.store.deleteApp(ctx.app.appId);
  return { body: { ok: true } };
}

/** App management routes. @internal */
export const appRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/v2/apps', auth: 'server', handler: listApps },
  { method: 'POST', path: '/v2/apps', auth: 'server', handler: createApp },
  { method: 'GET', path: '/v2/apps/:appId', auth: 'server', handler: getApp },
  { method: 'PATCH', path: '/v2/apps/:appId', auth: 'server', handler: updateApp },
  { method: 'DELETE', path: '/v2/apps/:appId', auth: 'server', handler: deleteApp },
];
