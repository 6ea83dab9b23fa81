import type { RoomMembersPlan, SyncMemberFailure, SyncRoomMembersReport } from '../interfaces/ethora-sync.interface.js';

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
