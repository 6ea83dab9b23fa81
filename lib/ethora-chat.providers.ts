import type { Provider } from '@nestjs/common';
import { EthoraAppRegistry } from './apps/ethora-app-registry.js';
import { EthoraAppSettings } from './apps/ethora-app-settings.js';
import { EthoraAppTokens } from './apps/ethora-app-tokens.js';
import { EthoraBroadcasts } from './apps/ethora-broadcasts.js';
import { EthoraBulkOperations } from './bulk/ethora-bulk-operations.js';
import { EthoraChatParts } from './chat-api/ethora-chat-parts.js';
import { EthoraCredentials } from './credentials/ethora-credentials.js';
import { EthoraHttpClient } from './http/ethora-http.client.js';
import { EthoraJobWaiter } from './jobs/ethora-job-waiter.js';
import { EthoraMessages } from './messages/ethora-messages.js';
import { EthoraRooms } from './rooms/ethora-rooms.js';
import { EthoraMembershipSync } from './sync/ethora-membership-sync.js';
import { EthoraTokenService } from './tokens/ethora-token.service.js';
import { EthoraUserBatches } from './users/ethora-user-batches.js';
import { EthoraUsers } from './users/ethora-users.js';

/**
 * The layers under the public services, bottom up: credentials, transport, resources (one class per Ethora
 * area), workflows. Registered by `EthoraChatModule`, not exported: users depend on the services only.
 * @internal
 */
export const ETHORA_INTERNAL_PROVIDERS: Provider[] = [
  EthoraTokenService,
  EthoraCredentials,
  EthoraHttpClient,
  EthoraJobWaiter,
  EthoraUserBatches,
  EthoraRooms,
  EthoraUsers,
  EthoraMessages,
  EthoraAppRegistry,
  EthoraAppTokens,
  EthoraAppSettings,
  EthoraBroadcasts,
  EthoraBulkOperations,
  EthoraMembershipSync,
  EthoraChatParts,
];
