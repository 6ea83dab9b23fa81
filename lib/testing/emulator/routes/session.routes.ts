import { randomBytes } from 'node:crypto';
import { unauthorized } from '../http-error.js';
import type { RouteContext, RouteDefinition, RouteResult } from '../route-types.js';
import { publicUser } from '../serializers.js';

function ping(): RouteResult {
  return { body: { ok: true } };
}

/**
 * Exchanges a client JWT for session tokens (what the chat frontend does). It never creates users:
 * an unknown userId answers 401 USER_NOT_FOUND. The session tokens are random opaque strings.
 */
function exchangeClientToken(ctx: RouteContext): RouteResult {
  const userId = ctx.auth?.userId as string;
  const user = ctx.app.users.get(userId);
  if (!user) throw unauthorized('USER_NOT_FOUND', 'User not found');
  return {
    body: {
      token: randomBytes(24).toString('base64url'),
      refreshToken: randomBytes(24).toString('base64url'),
      user: publicUser(ctx.app.appId, user),
    },
  };
}

/** Health check and client session routes. @internal */
export const sessionRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/v1/ping', auth: 'none', handler: ping },
  { method: 'GET', path: '/ping', auth: 'none', handler: ping },
  { method: 'POST', path: '/v1/users/client', auth: 'client', handler: exchangeClientToken },
];
