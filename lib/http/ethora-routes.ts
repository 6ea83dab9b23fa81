import type { AnswerShape } from './answer-shapes.js';

/** HTTP methods Ethora's API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One Ethora endpoint: method, path template (`:name` segments are percent-encoded params), retry safety, answer shape. */
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
  /** What a 2xx answer must look like; anything else is `EthoraUnexpectedResponseError`, never success. */
  readonly answer: AnswerShape;
}

const route = (method: HttpMethod, path: string, retrySafe: boolean, answer: AnswerShape, auth?: 'appToken'): EthoraRoute => ({
  method,
  path,
  retrySafe,
  answer,
  ...(auth && { auth }),
});

/**
 * Every endpoint the library calls, in one table: the single place that says which calls are safe to repeat
 * and what each answers.
 * Paths follow ethora-api.md §4.
 */
export const ETHORA_ROUTES = {
  ping: route('GET', '/v1/ping', true, 'any'),
  createUsers: route('POST', '/v2/users/batch', true, 'object'),
  createAppUsers: route('POST', '/v2/apps/:appId/users/batch', true, 'object'),
  userJob: route('GET', '/v2/apps/:appId/users/batch/:jobId', true, 'job'),
  deleteUsers: route('DELETE', '/v1/users/batch', true, 'json'),
  deleteAppUsers: route('DELETE', '/v2/apps/:appId/users/batch', true, 'json'),
  updateUsers: route('PATCH', '/v2/chats/users', true, 'object'),
  listUsers: route('GET', '/v2/chats/users', true, 'list'),
  userChats: route('GET', '/v2/apps/:appId/users/:userId/chats', true, 'list'),
  createChat: route('POST', '/v2/chats', true, 'object'),
  createAppChat: route('POST', '/v2/apps/:appId/chats', true, 'object'),
  listAppChats: route('GET', '/v2/apps/:appId/chats', true, 'list'),
  deleteChat: route('DELETE', '/v1/chats', true, 'json'),
  deleteAppChat: route('DELETE', '/v2/apps/:appId/chats', true, 'json'),
  updateChat: route('PATCH', '/v2/apps/:appId/chats/:chatName', true, 'json'),
  grantAccess: route('POST', '/v2/chats/users-access', true, 'json'),
  removeAccess: route('DELETE', '/v2/chats/users-access', true, 'json'),
  grantAppAccess: route('POST', '/v2/apps/:appId/chats/users-access', true, 'json'),
  removeAppAccess: route('DELETE', '/v2/apps/:appId/chats/users-access', true, 'json'),
  listApps: route('GET', '/v2/apps', true, 'list'),
  createApp: route('POST', '/v2/apps', false, 'object'),
  getApp: route('GET', '/v2/apps/:appId', true, 'object'),
  deleteApp: route('DELETE', '/v2/apps/:appId', true, 'json'),
  listAppTokens: route('GET', '/v2/apps/:appId/tokens', true, 'list'),
  createAppToken: route('POST', '/v2/apps/:appId/tokens', false, 'object'),
  revokeAppToken: route('DELETE', '/v2/apps/:appId/tokens/:tokenId', true, 'json'),
  rotateAppToken: route('POST', '/v2/apps/:appId/tokens/:tokenId/rotate', false, 'object'),
  provisionApp: route('POST', '/v2/apps/:appId/provision', false, 'json'),
  getBot: route('GET', '/v2/apps/:appId/bot', true, 'object'),
  updateBot: route('PUT', '/v2/apps/:appId/bot', true, 'json'),
  broadcast: route('POST', '/v2/apps/:appId/chats/broadcast', false, 'object'),
  broadcastJob: route('GET', '/v2/apps/:appId/chats/broadcast/:jobId', true, 'job'),
  updateApp: route('PATCH', '/v2/apps/:appId', true, 'json'),
  updateAppUsers: route('PATCH', '/v2/apps/:appId/chats/users', true, 'object'),
  listAppUsers: route('GET', '/v2/apps/:appId/chats/users', true, 'list'),
  userByXmppUsername: route('GET', '/v1/apps/users/:xmppUsername', true, 'object'),
  sendMessage: route('POST', '/v2/chats/messages', false, 'json', 'appToken'),
  roomHistory: route('GET', '/v2/chats/history', true, 'json', 'appToken'),
} as const satisfies Record<string, EthoraRoute>;

/** Fills a route's `:name` segments, percent-encoding each value so `/`, `?` or `..` in an id cannot change the request. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Route ${template} needs the "${name}" parameter`);
    return encodeURIComponent(value);
  });
}
