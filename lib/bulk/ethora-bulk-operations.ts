import { Inject, Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../apps/ethora-app-scopes.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS, ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { ETHORA_CHAT_ENV_VARS } from '../ethora-chat.config.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { EthoraConfigError } from '../errors/ethora-config.error.js';
import { EthoraLog } from '../logging/ethora-log.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { buildRoomBody } from '../rooms/room-bodies.js';
import { EthoraRooms, type AccessChange } from '../rooms/ethora-rooms.js';
import { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { assertId, assertOptionalObject } from '../validation/arguments.js';
import { sendAccessChunk } from './access-chunk.js';
import { assertBulkIds, prepareBulkUsers, resolveBulkOptions } from './bulk-input.js';
import { countAccess, countCreated, ProgressCounter } from './bulk-report.js';
import { mapWithConcurrency } from './bounded-concurrency.js';
import { chunk } from './chunk.js';
import type {
  BulkAccessReport,
  BulkAccessResult,
  BulkCreatedUser,
  BulkCreateUsersReport,
  BulkOptions,
  BulkUserInput,
  ProvisionWorkspaceOptions,
  ProvisionWorkspaceReport,
} from './ethora-bulk.interface.js';
import { createUserChunk } from './user-chunk.js';
import { inChunkSpan } from '../observability/workflow-spans.js';
import { provisionWorkspace, type WorkspaceDeps } from './workspace-provisioner.js';

/**
 * Bulk user creation, access changes and workspace provisioning for one app scope: any number of users, sent
 * in chunks of Ethora's per-call limit (100) with bounded concurrency, reported per user. Every argument is
 * checked before the first request; after that nothing rejects: failures are in the report.
 * `EthoraChatService` exposes these as one-line delegations.
 * @internal
 */
@Injectable()
export class EthoraBulkOperations {
  private readonly deps: WorkspaceDeps;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    rooms: EthoraRooms,
    batches: EthoraUserBatches,
  ) {
    this.deps = { rooms, batches, log: new EthoraLog(options.logger), chunkSize: ETHORA_LIMITS.usersPerBatch };
  }

  /** See `EthoraChatService.createUsers`. */
  async createUsers(scope: EthoraAppScope, users: BulkUserInput[], options?: BulkOptions): Promise<BulkCreateUsersReport> {
    const entries = prepareBulkUsers(users, scope.appId, 'users');
    const { concurrency, onProgress } = resolveBulkOptions(options);
    const progress = new ProgressCounter(entries.length, onProgress, this.deps.log);
    const report: BulkCreatedUser[] = new Array(entries.length);
    // Observability hook: one child span per chunk (here and in changeAccess).
    await mapWithConcurrency(chunk(entries, this.deps.chunkSize), concurrency, (part) => inChunkSpan(scope.appId, part, async () => {
      const outcomes = await createUserChunk(this.deps.batches, scope, part.items, this.deps.log);
      outcomes.forEach((outcome, offset) => (report[part.start + offset] = outcome));
      progress.add(part.items.length);
    }));
    const totals = countCreated(report);
    return { ok: totals.failed === 0, users: report, totals };
  }

  /** See `EthoraChatService.grantUsersAccessToChatRoom` and `removeUsersAccessFromChatRoom`. */
  async changeAccess(
    scope: EthoraAppScope,
    change: AccessChange,
    chatId: string,
    userIds: string[],
    options?: BulkOptions,
  ): Promise<BulkAccessReport> {
    assertId(chatId, 'chatId');
    assertBulkIds(userIds, 'userIds');
    const { concurrency, onProgress } = resolveBulkOptions(options);
    const progress = new ProgressCounter(userIds.length, onProgress, this.deps.log);
    const report: BulkAccessResult[] = new Array(userIds.length);
    const done = change === 'grant' ? 'granted' : 'removed';
    await mapWithConcurrency(chunk(userIds, ETHORA_LIMITS.membersPerCall), concurrency, (part) => inChunkSpan(scope.appId, part, async () => {
      const error = await sendAccessChunk(this.deps.rooms, scope, change, chatId, part.items);
      part.items.forEach((userId, offset) => {
        report[part.start + offset] = error ? { userId, status: 'failed', error } : { userId, status: done };
      });
      progress.add(part.items.length);
    }));
    const totals = countAccess(report);
    return { ok: totals.failed === 0, chatId, users: report, totals };
  }

  /** See `EthoraChatService.provisionWorkspace`. */
  async provisionWorkspace(
    scope: EthoraAppScope,
    chatId: string,
    users: BulkUserInput[],
    options?: ProvisionWorkspaceOptions,
  ): Promise<ProvisionWorkspaceReport> {
    assertId(chatId, 'chatId');
    const entries = prepareBulkUsers(users, scope.appId, 'users');
    const resolved = resolveBulkOptions(options);
    const { roomData, addChatbot = false } = options ?? {};
    assertOptionalObject(roomData as unknown, 'options.roomData');
    buildRoomBody(scope.names, chatId, roomData); // checked now, so a bad field throws before anything is sent
    if (typeof addChatbot !== 'boolean') throw new EthoraArgumentError('options.addChatbot', 'must be a boolean when given');
    const chatbotJid = this.options.chatbotJid;
    if (addChatbot && !chatbotJid) {
      throw new EthoraConfigError(
        'chatbotJid',
        ETHORA_CHAT_ENV_VARS.chatbotJid,
        'is not set, so options.addChatbot has no chatbot to add. Set it to the bot user\'s JID.',
      );
    }
    return provisionWorkspace(this.deps, { scope, chatId, users: entries, roomData, chatbotJid: addChatbot ? chatbotJid : undefined, options: resolved });
  }
}
