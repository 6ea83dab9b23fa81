import { Inject, Injectable } from '@nestjs/common';
import { EthoraAppSettings } from '../apps/ethora-app-settings.js';
import { EthoraBroadcasts } from '../apps/ethora-broadcasts.js';
import { EthoraBulkOperations } from '../bulk/ethora-bulk-operations.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { EthoraNames } from '../contract/ethora-names.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { EthoraJobWaiter } from '../jobs/ethora-job-waiter.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraRooms } from '../rooms/ethora-rooms.js';
import { EthoraMembershipSync } from '../sync/ethora-membership-sync.js';
import { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { EthoraUsers } from '../users/ethora-users.js';

/**
 * What every per-app chat API works with: the resources, the job waiter, the bulk and sync workflows, the options, and
 * the scopes (the configured app through its own routes; a child app through `/v2/apps/{appId}/...`).
 * @internal
 */
@Injectable()
export class EthoraChatParts {
  readonly ownScope: EthoraAppScope;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) readonly options: ResolvedEthoraChatOptions,
    readonly rooms: EthoraRooms,
    readonly users: EthoraUsers,
    readonly userBatches: EthoraUserBatches,
    readonly jobs: EthoraJobWaiter,
    readonly bulk: EthoraBulkOperations,
    readonly sync: EthoraMembershipSync,
    readonly settings: EthoraAppSettings,
    readonly broadcasts: EthoraBroadcasts,
  ) {
    this.ownScope = { appId: options.appId, names: new EthoraNames(options.appId, options.xmppHost), appScoped: false };
  }

  /** The scope of app `appId` (checked by the caller), acting through the app-scoped routes. */
  appScope(appId: string): EthoraAppScope {
    return { appId, names: new EthoraNames(appId, this.options.xmppHost), appScoped: true };
  }
}
