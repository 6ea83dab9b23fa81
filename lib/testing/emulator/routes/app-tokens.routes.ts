import { randomBytes } from 'node:crypto';
import { signJwt } from '../emulator-auth.js';
import type { AppRecord, AppTokenRecord } from '../emulator-records.js';
import { notFound, validationError } from '../http-error.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { emulatorSigningKey } from '../signing-keys.js';
import { asObject, optionalString } from '../validation.js';

/**
 * App API tokens (ethora-api.md §7.5). The `token` handed out once is a credential: a server JWT that
 * names its `tokenId` and is signed with the token's own secret, accepted in either auth header with or
 * without a `JWT `/`Bearer ` prefix. Revoke is idempotent; rotate revokes the old id and issues a new
 * id and secret, so rotating the old id again answers 404.
 */
function issue(ctx: RouteContext, label: string): RouteResult {
  const { app, services } = ctx;
  const record: AppTokenRecord = { tokenId: services.store.newObjectId(), label, secret: randomBytes(32).toString('hex'), createdAt: new Date().toISOString() };
  app.tokens.set(record.tokenId, record);
  const token = signJwt({ data: { type: 'server', appId: app.appId, tokenId: record.tokenId }, iat: Math.floor(Date.now() / 1000) }, emulatorSigningKey(record.secret, 'server'));
  return { body: { tokenId: record.tokenId, token, label, createdAt: record.createdAt } };
}

function readLabel(body: unknown): string | undefined {
  const b = body === undefined ? {} : asObject(body);
  const label = optionalString(b.label, 'label');
  if (label !== undefined && label.length > 100) throw validationError('label must be at most 100 characters', { label: 'at most 100 characters' });
  return label;
}

function listTokens(ctx: RouteContext): RouteResult {
  const tokens = ctx.app.tokens.values().map(({ tokenId, label, createdAt }) => ({ tokenId, label, createdAt, status: 'active' }));
  return { body: { tokens } };
}

function createToken(ctx: RouteContext): RouteResult {
  return issue(ctx, readLabel(ctx.body) ?? '');
}

/** Idempotent (§7.5): revoking an unknown or already revoked id answers 200 too. */
function revokeToken(ctx: RouteContext): RouteResult {
  const revoked = ctx.app.tokens.delete(ctx.params.tokenId as string);
  return { body: { ok: true, revoked } };
}

function rotateToken(ctx: RouteContext): RouteResult {
  const old = requireToken(ctx.app, ctx.params.tokenId as string);
  const label = readLabel(ctx.body) ?? old.label;
  ctx.app.tokens.delete(old.tokenId);
  return issue(ctx, label);
}

function requireToken(app: AppRecord, tokenId: string): AppTokenRecord {
  const token = app.tokens.get(tokenId);
  if (!token) throw notFound('TOKEN_NOT_FOUND', 'Token not found');
  return token;
}

/** App token routes. @internal */
export const appTokenRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/v2/apps/:appId/tokens', auth: 'server', handler: listTokens },
  { method: 'POST', path: '/v2/apps/:appId/tokens', auth: 'server', handler: createToken },
  { method: 'DELETE', path: '/v2/apps/:appId/tokens/:tokenId', auth: 'server', handler: revokeToken },
  { method: 'POST', path: '/v2/apps/:appId/tokens/:tokenId/rotate', auth: 'server', handler: rotateToken },
];
