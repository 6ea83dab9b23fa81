import { Inject, Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../apps/ethora-app-scopes.js';
import { prepareBulkUsers } from '../bulk/bulk-input.js';
import { EthoraBulkOperations } from '../bulk/ethora-bulk-operations.js';
import type { BulkItemError } from '../bulk/ethora-bulk.interface.js';
import { provisionWorkspace, type WorkspaceDeps } from '../bulk/workspace-provisioner.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS, ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { CreateChatRoomData } from '../interfaces/ethora-rooms.interface.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import type {
  RoomMembersPlan,
  SyncRoomMembersReport,
  SyncWorkspaceReport,
} from '../interfaces/ethora-sync.interface.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { buildRoomBody } from '../rooms/room-bodies.js';
import { EthoraRooms } from '../rooms/ethora-rooms.js';
import { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { EthoraUsers } from '../users/ethora-users.js';
import { assertId, assertOptionalObject } from '../validation/arguments.js';
import { readDesiredIds } from './desired-members.js';
import { changeMembers, phaseProgress, type MemberChanges } from './member-changes.js';
import { memberKey, plainMemberId } from './member-ids.js';
import { assertPlanAllowed, planMembership } from './membership-plan.js';
import { readRoomMembers, undefinedWhenRoomMissing } from './room-members.js';
import { syncReport } from './sync-report.js';
import { resolveSyncOptions, type ResolvedSyncOptions } from './sync-options.js';

/**
 * Declarative room membership for one app scope: read the room's members (paged), plan the difference with
 * the desired list, then apply it: grants first, then removals, 100 per request. Everything is checked and
 * read before the first write, and a sync the mass-removal guard refuses writes nothing. A second run right
 * after sends only the reads; a run cut short can be run again.
 * `EthoraChatService` exposes these as one-line delegations.
 * @internal
 */
@Injectable()
export class EthoraMembershipSync {
  private readonly log: EthoraLog;
  private readonly workspace: WorkspaceDeps;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly users: EthoraUsers,
    private readonly bulk: EthoraBulkOperations,
    rooms: EthoraRooms,
    batches: EthoraUserBatches,
  ) {
    this.log = new EthoraLog(options.logger);
    this.workspace = { rooms, batches, log: this.log, chunkSize: ETHORA_LIMITS.usersPerBatch };
  }

  /** See `EthoraChatService.syncRoomMembers`. */
  async syncRoomMembers(scope: EthoraAppScope, chatId: string, desiredUserIds: unknown, options?: unknown): Promise<SyncRoomMembersReport> {
    assertId(chatId, 'chatId');
    this.assertMembersReadable(scope);
    const resolved = resolveSyncOptions(options);
    const desired = await readDesiredIds(desiredUserIds, scope.appId, 'desiredUserIds');
    // A missing room rejects (EthoraNotFoundError): there is nothing to sync into; `syncWorkspace` creates rooms.
    const current = await readRoomMembers(this.users, scope, chatId, this.log);
    const plan = this.plan(scope, chatId, desired, current, resolved);
    if (resolved.dryRun) return syncReport(plan, true, [], [], []);
    assertPlanAllowed(plan, resolved);

    const adds = await changeMembers(this.bulk, scope, chatId, 'add', plan.toAdd, {
      concurrency: resolved.concurrency,
      onProgress: phaseProgress(resolved, plan, 'add'),
    });
    const removals = await this.removeExtra(scope, plan, resolved);
    return syncReport(plan, false, adds.done, removals.done, [...adds.failed, ...removals.failed]);
  }

  /** See `EthoraChatService.syncWorkspace`. */
  async syncWorkspace(scope: EthoraAppScope, chatId: string, users: unknown, options?: unknown): Promise<SyncWorkspaceReport> {
    assertId(chatId, 'chatId');
    this.assertMembersReadable(scope);
    // An empty list is a sync to "nobody": the guard, not an argument error, decides about it.
    const entries = Array.isArray(users) && users.length === 0 ? [] : prepareBulkUsers(users, scope.appId, 'users');
    const resolved = resolveSyncOptions(options);
    const roomData = (options as { roomData?: CreateChatRoomData } | undefined)?.roomData;
    assertOptionalObject(roomData as unknown, 'options.roomData');
    buildRoomBody(scope.names, chatId, roomData); // checked now, so a bad field throws before anything is sent
    const desired = await readDesiredIds(entries.map((user) => user.uuid), scope.appId, 'users');
    const current = await readRoomMembers(this.users, scope, chatId, this.log).catch(undefinedWhenRoomMissing);
    const plan = this.plan(scope, chatId, desired, current ?? new Map(), resolved);
    if (resolved.dryRun) return { ...syncReport(plan, true, [], [], []), room: { status: current ? 'exists' : 'missing' }, created: [] };
    assertPlanAllowed(plan, resolved);

    const adds = await this.addNewcomers(scope, plan, entries, current === undefined, roomData, resolved);
    const removals = await this.removeExtra(scope, plan, resolved);
    const result = syncReport(plan, false, adds.done, removals.done, [...adds.failed, ...removals.failed]);
    return { ...result, ok: result.ok && adds.room.status !== 'failed', room: adds.room, created: adds.created };
  }

  // Users to add may exist in Ethora without being members: provisioning creates the missing ones ("exists"
  // for the others), grants them chunk by chunk, and makes sure the room exists (also when it was missing).
  private async addNewcomers(
    scope: EthoraAppScope,
    plan: RoomMembersPlan,
    entries: EthoraNewUser[],
    roomMissing: boolean,
    roomData: CreateChatRoomData | undefined,
    options: ResolvedSyncOptions,
  ): Promise<MemberChanges & Pick<SyncWorkspaceReport, 'room' | 'created'>> {
    const adding = new Set(plan.toAdd.map(memberKey));
    const newcomers = entries.filter((user) => adding.has(memberKey(plainMemberId(scope.appId, user.uuid))));
    const outcome: MemberChanges & Pick<SyncWorkspaceReport, 'room' | 'created'> = { room: { status: 'exists' }, created: [], done: [], failed: [] };
    if (!roomMissing && newcomers.length === 0) return outcome;
    const provisioned = await provisionWorkspace(this.workspace, {
      scope,
      chatId: plan.chatId,
      users: newcomers,
      roomData,
      options: { concurrency: options.concurrency, onProgress: phaseProgress(options, plan, 'add') },
    });
    if (roomMissing) outcome.room = provisioned.room;
    for (const user of provisioned.users) {
      if (user.status === 'created') outcome.created.push(user.userId);
      if (user.granted) outcome.done.push(user.userId);
      else outcome.failed.push({ userId: user.userId, change: 'add', error: user.error as BulkItemError });
    }
    return outcome;
  }

  // The member list (`GET /v2/chats/users?chatName=`) finds rooms of the token's own app only, and Ethora
  // documents no app-scoped twin: on a child app a sync would see no members, so it must not start.
  private assertMembersReadable(scope: EthoraAppScope): void {
    if (scope.appId !== this.options.appId) {
      throw new EthoraArgumentError('appId', `${scope.appId}: a sync can read the members of the configured app's rooms only; Ethora documents no member list for a child app's rooms`);
    }
  }

  private plan(
    scope: EthoraAppScope,
    chatId: string,
    desired: Map<string, string>,
    current: Map<string, string>,
    options: ResolvedSyncOptions,
  ): RoomMembersPlan {
    const chatbot = this.options.chatbotJid;
    // The configured chatbot is a member a sync never removes: apps list people, not their bot.
    const keep = new Set(chatbot ? [memberKey(plainMemberId(scope.appId, chatbot))] : []);
    return planMembership({ chatId, chatName: scope.names.chatName(chatId, false), desired, current, keep }, options);
  }

  // Removals run after every grant settled, whatever the grants' outcome: a person who left must lose
  // access even when someone else's grant failed (docs/decisions.md, "Sync").
  private removeExtra(scope: EthoraAppScope, plan: RoomMembersPlan, options: ResolvedSyncOptions) {
    return changeMembers(this.bulk, scope, plan.chatId, 'remove', plan.toRemove, {
      concurrency: options.concurrency,
      onProgress: phaseProgress(options, plan, 'remove'),
    });
  }
}
