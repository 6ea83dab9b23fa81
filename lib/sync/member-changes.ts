import type { EthoraBulkOperations } from '../bulk/ethora-bulk-operations.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import type { ResolvedSyncOptions } from '../edge/sync-options.js';
import type { RoomMembersPlan, SyncMemberFailure } from '../interfaces/ethora-sync.interface.js';

/** What one phase (adds or removals) of a sync did. */
export interface MemberChanges {
  done: string[];
  failed: SyncMemberFailure[];
}

/**
 * Progress over a whole sync: each phase counts from 0; the caller sees the adds, then the removals, as one
 * count of all planned changes. Undefined when the caller gave no `onProgress`.
 */
export function phaseProgress(options: ResolvedSyncOptions, plan: RoomMembersPlan, phase: 'add' | 'remove'): ((done: number) => void) | undefined {
  const { onProgress } = options;
  const before = phase === 'add' ? 0 : plan.toAdd.length;
  const total = plan.toAdd.length + plan.toRemove.length;
  return onProgress && ((done) => onProgress(before + done, total));
}

/**
 * Grants or removes access for `userIds` through the bulk machinery (100 per request, `concurrency` at once).
 * Never rejects: a failed chunk lands in `failed`, per user, with the error.
 */
export async function changeMembers(
  bulk: EthoraBulkOperations,
  scope: EthoraAppScope,
  chatId: string,
  change: 'add' | 'remove',
  userIds: string[],
  options: { concurrency: number; onProgress?: (done: number) => void },
): Promise<MemberChanges> {
  const changes: MemberChanges = { done: [], failed: [] };
  if (userIds.length === 0) return changes;
  const report = await bulk.changeAccess(scope, change === 'add' ? 'grant' : 'revoke', chatId, userIds, options);
  for (const { userId, status, error } of report.users) {
    if (status === 'failed') changes.failed.push({ userId, change, error: error as NonNullable<typeof error> });
    else changes.done.push(userId);
  }
  return changes;
}
