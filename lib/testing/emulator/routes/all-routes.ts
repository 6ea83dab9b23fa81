import type { RouteDefinition } from '../route-types.js';
import { accessRoutes } from './access.routes.js';
import { appFeatureRoutes } from './app-features.routes.js';
import { appTokenRoutes } from './app-tokens.routes.js';
import { appRoutes } from './apps.routes.js';
import { broadcastRoutes } from './broadcast.routes.js';
import { chatUserRoutes } from './chat-users.routes.js';
import { chatRoutes } from './chats.routes.js';
import { messageRoutes } from './messages.routes.js';
import { sessionRoutes } from './session.routes.js';
import { userRoutes } from './users.routes.js';

/**
 * Every route. Order does not matter: the router prefers the template with more literal segments, so
 * `chats/users` is never taken for `chats/:chatName`.
 * @internal
 */
export const allRoutes: readonly RouteDefinition[] = [
  ...sessionRoutes,
  ...userRoutes,
  ...accessRoutes,
  ...broadcastRoutes,
  ...chatRoutes,
  ...chatUserRoutes,
  ...messageRoutes,
  ...appRoutes,
  ...appTokenRoutes,
  ...appFeatureRoutes,
];
