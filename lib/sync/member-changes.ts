import type { EthoraBulkOperations } from '../bulk/ethora-bulk-operations.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import type { ResolvedSyncOptions } from '../edge/sync-options.js';
import type { BulkItemError, ProvisionedUser } from '../interfaces/ethora-bulk.interface.js';
import type { RoomMembersPlan, SyncMemberFailure, SyncWorkspaceReport } from '../interfaces/ethora-sync.interface.js';

/** What one phase (adds or removals) of a sync did. */
export interface MemberChanges {
  done: string[];
  failed: SyncMemberFailure[];
}

/** What the adds of a workspace sync did: the member changes, the room's outcome and the users created. */
export type NewcomerOutcome = MemberChanges & Pick<SyncWorkspaceReport, 'room' | 'created'>;

/** Sorts the users of a provisioning (the adds of a workspace sync) into created, granted and failed. */
export function newcomerOutcome(room: SyncWorkspaceReport['room'], users: readonly ProvisionedUser[]): NewcomerOutcome {
  const outcome: NewcomerOutcome = { room, created: [], done: [], failed: [] };
  for (const user of users) {
    if (user.status === 'created') outcome.created.push(user.userId);
    if (user.granted) outcome.done.push(user.userId);
    else outcome.failed.push({ userId: user.userId, change: 'add', error: user.error as BulkItemError });
  }
  return outcome;
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
