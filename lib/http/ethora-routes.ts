/** HTTP methods Ethora's API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One Ethora endpoint: method, path template (`:name` segments are percent-encoded params) and retry safety. */
export interface EthoraRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /**
   * Whether repeating the call after a lost answer is harmless. Reads are; uuid-keyed creates are (a repeat
   * answers "exists"); access grants and removals are set operations; deletes are (a repeat answers
   * "not found"). Creates that mint something new each time (apps, app tokens, provisioning, broadcasts) are not.
   */
  readonly retrySafe: boolean;
  /** `appToken`: the route takes only the app token (B2B), never a server JWT (ethora-api.md §7.2). */
  readonly auth?: 'appToken';
}

const route = (method: HttpMethod, path: string, retrySafe: boolean, auth?: 'appToken'): EthoraRoute => ({ method, path, retrySafe, ...(auth && { auth }) });

/**
 * Every endpoint the library calls, in one table: the single place that says which calls are safe to repeat.
 * Paths follow ethora-api.md §4.
 */
export const ETHORA_ROUTES = {
  ping: route('GET', '/v1/ping', true),
  createUsers: route('POST', '/v2/users/batch', true),
  createAppUsers: route('POST', '/v2/apps/:appId/users/batch', true),
  userJob: route('GET', '/v2/apps/:appId/users/batch/:jobId', true),
  deleteUsers: route('DELETE', '/v1/users/batch', true),
  deleteAppUsers: route('DELETE', '/v2/apps/:appId/users/batch', true),
  updateUsers: route('PATCH', '/v2/chats/users', true),
  listUsers: route('GET', '/v2/chats/users', true),
  userChats: route('GET', '/v2/apps/:appId/users/:userId/chats', true),
  createChat: route('POST', '/v2/chats', true),
  createAppChat: route('POST', '/v2/apps/:appId/chats', true),
  listAppChats: route('GET', '/v2/apps/:appId/chats', true),
  deleteChat: route('DELETE', '/v1/chats', true),
  deleteAppChat: route('DELETE', '/v2/apps/:appId/chats', true),
  updateChat: route('PATCH', '/v2/apps/:appId/chats/:chatName', true),
  grantAccess: route('POST', '/v2/chats/users-access', true),
  removeAccess: route('DELETE', '/v2/chats/users-access', true),
  grantAppAccess: route('POST', '/v2/apps/:appId/chats/users-access', true),
  removeAppAccess: route('DELETE', '/v2/apps/:appId/chats/users-access', true),
  listApps: route('GET', '/v2/apps', true),
  createApp: route('POST', '/v2/apps', false),
  getApp: route('GET', '/v2/apps/:appId', true),
  deleteApp: route('DELETE', '/v2/apps/:appId', true),
  listAppTokens: route('GET', '/v2/apps/:appId/tokens', true),
  createAppToken: route('POST', '/v2/apps/:appId/tokens', false),
  revokeAppToken: route('DELETE', '/v2/apps/:appId/tokens/:tokenId', true),
  rotateAppToken: route('POST', '/v2/apps/:appId/tokens/:tokenId/rotate', false),
  provisionApp: route('POST', '/v2/apps/:appId/provision', false),
  getBot: route('GET', '/v2/apps/:appId/bot', true),
  updateBot: route('PUT', '/v2/apps/:appId/bot', true),
  broadcast: route('POST', '/v2/apps/:appId/chats/broadcast', false),
  broadcastJob: route('GET', '/v2/apps/:appId/chats/broadcast/:jobId', true),
  updateApp: route('PATCH', '/v2/apps/:appId', true),
  updateAppUsers: route('PATCH', '/v2/apps/:appId/chats/users', true),
  listAppUsers: route('GET', '/v2/apps/:appId/chats/users', true),
  userByXmppUsername: route('GET', '/v1/apps/users/:xmppUsername', true),
  sendMessage: route('POST', '/v2/chats/messages', false, 'appToken'),
  roomHistory: route('GET', '/v2/chats/history', true, 'appToken'),
} as const satisfies Record<string, EthoraRoute>;

/** Fills a route's `:name` segments, percent-encoding each value so `/`, `?` or `..` in an id cannot change the request. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Route ${template} needs the "${name}" parameter`);
    return encodeURIComponent(value);
  });
}
