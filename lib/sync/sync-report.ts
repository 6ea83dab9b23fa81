import type { RoomMembersPlan, SyncMemberFailure, SyncRoomMembersReport, SyncWorkspaceReport } from '../interfaces/ethora-sync.interface.js';
import type { MemberChanges, NewcomerOutcome } from './member-changes.js';

/** The report of a sync: `ok` when nothing failed (for a dry run: when the guard would let the plan through). */
export function syncReport(
  plan: RoomMembersPlan,
  dryRun: boolean,
  added: string[],
  removed: string[],
  failed: SyncMemberFailure[],
): SyncRoomMembersReport {
  const ok = dryRun ? !plan.refused : failed.length === 0;
  return { ok, dryRun, chatId: plan.chatId, chatName: plan.chatName, plan, added, removed, unchanged: plan.unchanged, failed };
}

/** The report of a workspace sync that ran: the member sync, plus the room's outcome and the users created. */
export function workspaceSyncReport(plan: RoomMembersPlan, adds: NewcomerOutcome, removals: MemberChanges): SyncWorkspaceReport {
  const result = syncReport(plan, false, adds.done, removals.done, [...adds.failed, ...removals.failed]);
  return { ...result, ok: result.ok && adds.room.status !== 'failed', room: adds.room, created: adds.created };
}
