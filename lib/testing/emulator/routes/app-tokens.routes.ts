import { randomBytes } from 'node:crypto';
import type { AppTokenRecord } from '../emulator-records.js';
import { notFound, validationError } from '../http-error.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { asObject, optionalString } from '../validation.js';

/**
 * App API tokens. Decision (the wire contract does not say what a token is for): each token is an
 * extra signing secret of the app, so a JWT signed with it (scoped or raw) authenticates as the app
 * until the token is revoked or rotated. The secret is returned once, never listed.
 */
function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function requireToken(ctx: RouteContext): AppTokenRecord {
  const token = ctx.app.tokens.get(ctx.params.tokenId as string);
  if (!token) throw notFound('TOKEN_NOT_FOUND', 'Token not found');
  return token;
}

function listTokens(ctx: RouteContext): RouteResult {
  const tokens = ctx.app.tokens.values().map(({ tokenId, label, createdAt, rotatedAt }) => ({ tokenId, label, createdAt, ...(rotatedAt ? { rotatedAt } : {}) }));
  return { body: { tokens } };
}

function createToken(ctx: RouteContext): RouteResult {
  const b = ctx.body === undefined ? {} : asObject(ctx.body);
  const label = optionalString(b.label, 'label') ?? '';
  if (label.length > 100) throw validationError('label must be at most 100 characters');
  const record: AppTokenRecord = { tokenId: ctx.services.store.newObjectId(), label, secret: newSecret(), createdAt: new Date().toISOString() };
  ctx.app.tokens.set(record.tokenId, record);
  return { body: { tokenId: record.tokenId, token: record.secret, label, createdAt: record.createdAt } };
}

function revokeToken(ctx: RouteContext): RouteResult {
  ctx.app.tokens.delete(requireToken(ctx).tokenId);
  return { body: { ok: true } };
}

function rotateToken(ctx: RouteContext): RouteResult {
  const token = requireToken(ctx);
  token.secret = newSecret();
  token.rotatedAt = new Date().toISOString();
  return { body: { tokenId: token.tokenId, token: token.secret } };
}

/** App token routes. @internal */
export const appTokenRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/v2/apps/:appId/tokens', auth: 'server', handler: listTokens },
  { method: 'POST', path: '/v2/apps/:appId/tokens', auth: 'server', handler: createToken },
  { method: 'DELETE', path: '/v2/apps/:appId/tokens/:tokenId', auth: 'server', handler: revokeToken },
  { method: 'POST', path: '/v2/apps/:appId/tokens/:tokenId/rotate', auth: 'server', handler: rotateToken },
];
