import type { EthoraAppScope } from '../contract/app-scope.js';
import type { MemberIds } from '../edge/desired-ids.js';
import type { RoomMembersPlan } from '../interfaces/ethora-sync.interface.js';
import type { ResolvedSyncOptions } from '../edge/sync-options.js';
import { EthoraMassRemovalError } from '../errors/ethora-mass-removal.error.js';
import { memberIdOf } from './room-members.js';

/** What a plan is computed from: keys (lower-cased plain ids) map to plain ids. */
export interface MembershipInput {
  chatId: string;
  chatName: string;
  desired: ReadonlyMap<string, string>;
  current: ReadonlyMap<string, string>;
  /** Keys of members a sync never touches (the configured chatbot). */
  keep: ReadonlySet<string>;
}

/**
 * The difference between the room and the desired list. Pure. The guard is part of the plan, so a dry run
 * shows whether a real run would be refused: removing every member, or more than `maxRemovalShare` of
 * them, is refused unless `allowMassRemoval` is set.
 */
export function planMembership(input: MembershipInput, options: PlanOptions): RoomMembersPlan {
  const { desired, current, keep } = input;
  const toAdd: string[] = [];
  let unchanged = 0;
  for (const [key, id] of desired) {
    if (current.has(key)) unchanged++;
    else toAdd.push(id);
  }
  const extra: string[] = [];
  let managed = 0;
  for (const [key, id] of current) {
    if (keep.has(key)) continue;
    managed++;
    if (!desired.has(key)) extra.push(id);
  }
  const toRemove = options.removeExtra ? extra : [];
  const removalShare = managed === 0 ? 0 : toRemove.length / managed;
  const massive = toRemove.length > 0 && (toRemove.length === managed || removalShare > options.maxRemovalShare);
  return {
    chatId: input.chatId,
    chatName: input.chatName,
    desired: desired.size,
    current: managed,
    toAdd,
    toRemove,
    unchanged,
    extra: extra.length,
    removalShare,
    refused: massive && !options.allowMassRemoval,
  };
}

/** What the guard and `removeExtra` decide from. */
export type PlanOptions = Pick<ResolvedSyncOptions, 'removeExtra' | 'maxRemovalShare' | 'allowMassRemoval'>;

/** The plan of a sync on one app scope. The configured chatbot is a member a sync never removes: apps list people, not their bot. */
export function planRoomSync(
  scope: EthoraAppScope,
  chatbotJid: string | undefined,
  chatId: string,
  members: { desired: MemberIds; current: MemberIds },
  options: PlanOptions,
): RoomMembersPlan {
  const chatbot = memberIdOf(scope.appId, chatbotJid);
  const keep = new Set(chatbot === undefined ? [] : [chatbot.toLowerCase()]);
  return planMembership({ chatId, chatName: scope.names.chatName(chatId, false), ...members, keep }, options);
}

/** Throws `EthoraMassRemovalError` for a plan the guard refused; called before anything is written. */
export function assertPlanAllowed(plan: RoomMembersPlan, options: Pick<PlanOptions, 'maxRemovalShare'>): void {
  if (plan.refused) throw new EthoraMassRemovalError(plan.chatId, plan.current, plan.toRemove.length, options.maxRemovalShare);
}
