import { Inject, Injectable } from '@nestjs/common';
import { EthoraBulkOperations } from '../bulk/ethora-bulk-operations.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import type { MemberIds } from '../edge/desired-ids.js';
import type { RoomBody } from '../edge/room-bodies.js';
import type { ResolvedSyncOptions } from '../edge/sync-options.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import type { RoomMembersPlan, SyncRoomMembersReport, SyncWorkspaceReport } from '../interfaces/ethora-sync.interface.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraUsers } from '../users/ethora-users.js';
import { changeMembers, newcomerOutcome, phaseProgress, type MemberChanges, type NewcomerOutcome } from './member-changes.js';
import { assertPlanAllowed, planRoomSync } from './membership-plan.js';
import { readRoomMembers, undefinedWhenRoomMissing } from './room-members.js';
import { syncReport, workspaceSyncReport } from './sync-report.js';

/** A room sync whose arguments have all been checked. */
export interface RoomSyncRequest {
  scope: EthoraAppScope;
  chatId: string;
  desired: MemberIds;
  options: ResolvedSyncOptions;
}

/** A workspace sync whose arguments have all been checked: the users as `provisionWorkspace` takes them, and the room body. */
export interface WorkspaceSyncRequest extends RoomSyncRequest {
  users: readonly EthoraNewUser[];
  room: RoomBody;
}

/**
 * Declarative room membership for one app scope: read the room's members (paged), plan the difference with
 * the desired list, then apply it: grants first, then removals, 100 per request. Everything is read before the
 * first write, and a sync the mass-removal guard refuses writes nothing. A second run right after sends only
 * the reads; a run cut short can be run again. Takes checked values only.
 * @internal
 */
@Injectable()
export class EthoraMembershipSync {
  private readonly log: EthoraLog;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly users: EthoraUsers,
    private readonly bulk: EthoraBulkOperations,
  ) {
    this.log = new EthoraLog(options.logger);
  }

  /** See `EthoraChatApi.syncRoomMembers`. */
  async syncRoomMembers(request: RoomSyncRequest): Promise<SyncRoomMembersReport> {
    const { scope, chatId, options } = request;
    // A missing room rejects (EthoraNotFoundError): there is nothing to sync into; `syncWorkspace` creates rooms.
    const current = await readRoomMembers(this.users, scope, chatId, this.log);
    const plan = this.plan(request, current);
    if (options.dryRun) return syncReport(plan, true, [], [], []);
    assertPlanAllowed(plan, options);

    const adds = await changeMembers(this.bulk, scope, chatId, 'add', plan.toAdd, {
      concurrency: options.concurrency,
      onProgress: phaseProgress(options, plan, 'add'),
    });
    const removals = await this.removeExtra(scope, plan, options);
    return syncReport(plan, false, adds.done, removals.done, [...adds.failed, ...removals.failed]);
  }

  /** See `EthoraChatApi.syncWorkspace`. */
  async syncWorkspace(request: WorkspaceSyncRequest): Promise<SyncWorkspaceReport> {
    const { scope, chatId, options } = request;
    const current = await readRoomMembers(this.users, scope, chatId, this.log).catch(undefinedWhenRoomMissing);
    const plan = this.plan(request, current ?? new Map());
    if (options.dryRun) return { ...syncReport(plan, true, [], [], []), room: { status: current ? 'exists' : 'missing' }, created: [] };
    assertPlanAllowed(plan, options);

    const adds = await this.addNewcomers(request, plan, current === undefined);
    const removals = await this.removeExtra(scope, plan, options);
    return workspaceSyncReport(plan, adds, removals);
  }

  // Users to add may exist in Ethora without being members: provisioning creates the missing ones ("exists"
  // for the others), grants them chunk by chunk, and makes sure the room exists (also when it was missing).
  private async addNewcomers(request: WorkspaceSyncRequest, plan: RoomMembersPlan, roomMissing: boolean): Promise<NewcomerOutcome> {
    const { scope, chatId, room, options } = request;
    const adding = new Set(plan.toAdd.map((id) => id.toLowerCase()));
    const newcomers = request.users.filter((user) => adding.has(user.uuid.toLowerCase()));
    if (!roomMissing && newcomers.length === 0) return newcomerOutcome({ status: 'exists' }, []);
    const provisioned = await this.bulk.provisionWorkspace({
      scope,
      chatId,
      users: newcomers,
      room,
      options: { concurrency: options.concurrency, onProgress: phaseProgress(options, plan, 'add') },
    });
    return newcomerOutcome(roomMissing ? provisioned.room : { status: 'exists' }, provisioned.users);
  }

  private plan(request: RoomSyncRequest, current: MemberIds): RoomMembersPlan {
    const { scope, chatId, desired, options } = request;
    return planRoomSync(scope, this.options.chatbotJid, chatId, { desired, current }, options);
  }

  // Removals run after every grant settled, whatever the grants' outcome: a person who left must lose
  // access even when someone else's grant failed (docs/decisions.md, "Sync").
  private removeExtra(scope: EthoraAppScope, plan: RoomMembersPlan, options: ResolvedSyncOptions): Promise<MemberChanges> {
    return changeMembers(this.bulk, scope, plan.chatId, 'remove', plan.toRemove, {
      concurrency: options.concurrency,
      onProgress: phaseProgress(options, plan, 'remove'),
    });
  }
}
