import type { Provider } from '@nestjs/common';
import { EthoraAppRegistry } from './apps/ethora-app-registry.js';
import { EthoraAppScopes } from './apps/ethora-app-scopes.js';
import { EthoraAppSettings } from './apps/ethora-app-settings.js';
import { EthoraAppTokens } from './apps/ethora-app-tokens.js';
import { EthoraBroadcasts } from './apps/ethora-broadcasts.js';
import { EthoraRooms } from './rooms/ethora-rooms.js';
import { EthoraUsers } from './users/ethora-users.js';

/**
 * The area classes the public services delegate to (rooms, users, apps, tokens, settings, broadcasts), one
 * concern each. Registered by `EthoraChatModule`, not exported: users depend on the services only.
 * @internal
 */
export const ETHORA_AREA_PROVIDERS: Provider[] = [
  EthoraAppScopes,
  EthoraRooms,
  EthoraUsers,
  EthoraAppRegistry,
  EthoraAppTokens,
  EthoraAppSettings,
  EthoraBroadcasts,
];
