import { Inject, Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS, ETHORA_LIMITS } from '../ethora-chat.constants.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraRooms, type AccessChange } from '../rooms/ethora-rooms.js';
import { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { sendAccessChunk } from './access-chunk.js';
import type { ResolvedBulkOptions } from '../edge/bulk-input.js';
import { countAccess, countCreated, ProgressCounter } from './bulk-report.js';
import { mapWithConcurrency } from './bounded-concurrency.js';
import { chunk } from './chunk.js';
import type { BulkAccessReport, BulkAccessResult, BulkCreatedUser, BulkCreateUsersReport, ProvisionWorkspaceReport } from '../interfaces/ethora-bulk.interface.js';
import { createUserChunk } from './user-chunk.js';
import { inChunkSpan } from '../observability/workflow-spans.js';
import { provisionWorkspace, type WorkspaceDeps, type WorkspacePlan } from './workspace-provisioner.js';

/**
 * Bulk user creation, access changes and workspace provisioning for one app scope: any number of users, sent
 * in chunks of Ethora's per-call limit (100) with bounded concurrency, reported per user. Takes checked values
 * only (the public API checks every argument before the first request); nothing here rejects: failures are in
 * the report.
 * @internal
 */
@Injectable()
export class EthoraBulkOperations {
  private readonly deps: WorkspaceDeps;

  constructor(@Inject(ETHORA_CHAT_RESOLVED_OPTIONS) options: ResolvedEthoraChatOptions, rooms: EthoraRooms, batches: EthoraUserBatches) {
    this.deps = { rooms, batches, log: new EthoraLog(options.logger), chunkSize: ETHORA_LIMITS.usersPerBatch };
  }

  /** See `EthoraChatApi.bulkCreateUsers`. */
  async createUsers(scope: EthoraAppScope, entries: readonly EthoraNewUser[], options: ResolvedBulkOptions): Promise<BulkCreateUsersReport> {
    const progress = new ProgressCounter(entries.length, options.onProgress, this.deps.log);
    const report: BulkCreatedUser[] = new Array(entries.length);
    // Observability hook: one child span per chunk (here and in changeAccess).
    await mapWithConcurrency(chunk(entries, this.deps.chunkSize), options.concurrency, (part) => inChunkSpan(scope.appId, part, async () => {
      const outcomes = await createUserChunk(this.deps.batches, scope, part.items, this.deps.log);
      outcomes.forEach((outcome, offset) => (report[part.start + offset] = outcome));
      progress.add(part.items.length);
    }));
    const totals = countCreated(report);
    return { ok: totals.failed === 0, users: report, totals };
  }

  /** See `EthoraChatApi.bulkGrantAccess` and `bulkRemoveAccess`. */
  async changeAccess(
    scope: EthoraAppScope,
    change: AccessChange,
    chatId: string,
    userIds: readonly string[],
    options: ResolvedBulkOptions,
  ): Promise<BulkAccessReport> {
    const progress = new ProgressCounter(userIds.length, options.onProgress, this.deps.log);
    const report: BulkAccessResult[] = new Array(userIds.length);
    const done = change === 'grant' ? 'granted' : 'removed';
    await mapWithConcurrency(chunk(userIds, ETHORA_LIMITS.membersPerCall), options.concurrency, (part) => inChunkSpan(scope.appId, part, async () => {
      const error = await sendAccessChunk(this.deps.rooms, scope, change, chatId, part.items);
      part.items.forEach((userId, offset) => {
        report[part.start + offset] = error ? { userId, status: 'failed', error } : { userId, status: done };
      });
      progress.add(part.items.length);
    }));
    const totals = countAccess(report);
    return { ok: totals.failed === 0, chatId, users: report, totals };
  }

  /** See `EthoraChatApi.provisionWorkspace`. */
  async provisionWorkspace(plan: WorkspacePlan): Promise<ProvisionWorkspaceReport> {
    return provisionWorkspace(this.deps, plan);
  }
}
