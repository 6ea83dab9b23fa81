// The one file of the BullMQ entry that reaches into the library's internals: every Ethora call the queue
// makes, the edge readers it reuses and the report helpers. Below the edge only checked values travel.
import { HttpService } from '@nestjs/axios';
import type { Provider } from '@nestjs/common';
import axios from 'axios';
import { countCreated, toBulkItemError } from '../bulk/bulk-report.js';
import { outcome } from '../bulk/user-chunk.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { EthoraNames } from '../contract/ethora-names.js';
import { EthoraCredentials } from '../credentials/ethora-credentials.js';
import type { MemberIds } from '../edge/desired-ids.js';
import { readQueuedRun, readQueuedSync, readRunKey, readStoredUsers, type QueuedRunPlan, type QueuedSyncPlan } from '../edge/queued-run.js';
import type { RoomBody } from '../edge/room-bodies.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS, ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { isEthoraApiError, type EthoraApiErrorCode } from '../errors/ethora-api.error.js';
import { isEthoraError } from '../errors/ethora-error.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import type {
  BulkCreatedUser,
  BulkItemError,
  BulkUserInput,
  ProvisionedUser,
  ProvisionWorkspaceReport,
  ProvisionWorkspaceTotals,
} from '../interfaces/ethora-bulk.interface.js';
import type { EthoraJob } from '../interfaces/ethora-jobs.interface.js';
import type { RoomMembersPlan } from '../interfaces/ethora-sync.interface.js';
import type { CreateUserResult, EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { describeJobError, EthoraJobWaiter } from '../jobs/ethora-job-waiter.js';
import { isJobTicket, jobLocation } from '../jobs/job-locations.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraRooms } from '../rooms/ethora-rooms.js';
import { EthoraTokenService } from '../tokens/ethora-token.service.js';
import { EthoraUserBatches, matchResults } from '../users/ethora-user-batches.js';
import { EthoraUsers } from '../users/ethora-users.js';
import { planRoomSync } from '../sync/membership-plan.js';
import { listedMemberId, undefinedWhenRoomMissing } from '../sync/room-members.js';
import { EthoraLog } from '../logging/ethora-log.js';

export type { BulkCreatedUser, BulkItemError, BulkUserInput, MemberIds, ProvisionedUser, ProvisionWorkspaceReport, QueuedRunPlan, QueuedSyncPlan, RoomBody, RoomMembersPlan };
export type { SyncMemberFailure, SyncWorkspaceOptions, SyncWorkspaceReport } from '../interfaces/ethora-sync.interface.js';
export { newcomerOutcome, type MemberChanges } from '../sync/member-changes.js';
export { syncReport, workspaceSyncReport } from '../sync/sync-report.js';
export { assertPlanAllowed } from '../sync/membership-plan.js';
export type { CreateChatRoomData } from '../interfaces/ethora-rooms.interface.js';
export { EthoraArgumentError } from '../errors/ethora-argument.error.js';
export { EthoraJobError } from '../errors/ethora-job.error.js';
export { assertPositiveInteger } from '../edge/arguments.js';
export { ARRIVAL_JITTER_MS } from '../http/rate-limiter.js';

/** Users per chunk job: Ethora's per-call limit. */
export const CHUNK_SIZE = ETHORA_LIMITS.usersPerBatch;
/** Members per page read by a sync: Ethora's largest page. */
export const MEMBER_PAGE_SIZE = ETHORA_LIMITS.pageSize;

/** How a room step ended. */
export type RoomOutcome = ProvisionWorkspaceReport['room'];

/** What a worker does with a failed call: pause the queue (429), let BullMQ try again (transient), or report it. */
export interface StepFailure {
  kind: 'rate_limited' | 'transient' | 'final';
  retryAfterMs?: number;
  error: BulkItemError;
}

/** Where a posted user batch stands. */
export type BatchState = { state: 'pending' } | { state: 'failed'; message: string } | { state: 'completed'; created: BulkCreatedUser[] };

const TRANSIENT: ReadonlySet<EthoraApiErrorCode> = new Set<EthoraApiErrorCode>(['server_error', 'connection_failed', 'timeout']);

/**
 * Single Ethora requests for the queue's steps, on the configured app's scope. Each method sends exactly one
 * request: the queue's HTTP client runs with `maxRetries: 0` and no local pacing, because BullMQ's attempts are
 * the retry layer and BullMQ's limiter the pace (one job activation = one request). Built on the app's resolved
 * options and server token, so it talks to the same Ethora app as `EthoraChatService`.
 * @internal
 */
export class ProvisioningSteps {
  private readonly http: EthoraHttpClient;
  private readonly rooms: EthoraRooms;
  private readonly batches: EthoraUserBatches;
  private readonly users: EthoraUsers;
  private readonly scope: EthoraAppScope;
  private readonly chatbotJid: string | undefined;
  /** The core module's logger, so `logging: false` and a custom `logger` hold for the queue too. */
  readonly log: EthoraLog;

  constructor(options: ResolvedEthoraChatOptions, tokens: EthoraTokenService) {
    const single: ResolvedEthoraChatOptions = { ...options, maxRetries: 0, rateLimitPerSecond: undefined };
    this.http = new EthoraHttpClient(single, new HttpService(axios.create()), new EthoraCredentials(single, tokens));
    this.rooms = new EthoraRooms(this.http);
    this.batches = new EthoraUserBatches(this.http, new EthoraJobWaiter(single, this.http));
    this.users = new EthoraUsers(this.http);
    this.scope = { appId: options.appId, names: new EthoraNames(options.appId, options.xmppHost), appScoped: false };
    this.chatbotJid = options.chatbotJid;
    this.log = new EthoraLog(options.logger);
  }

  /** The edge of `provisionWorkspace`: every argument checked before anything is queued. */
  readRun(chatId: unknown, users: unknown, options: unknown): QueuedRunPlan {
    return readQueuedRun(this.scope.names, chatId, users, options);
  }

  /** The edge of `syncWorkspace`: every argument checked before anything is queued. */
  readSync(chatId: unknown, users: unknown, options: unknown): QueuedSyncPlan {
    return readQueuedSync(this.scope.names, chatId, users, options);
  }

  /** The edge of `waitForRun` / `getRun`. */
  readRunKey(runKey: unknown): string {
    return readRunKey(runKey);
  }

  /** A chunk's users as stored in its job (the users as given), built again for the batch call. */
  readChunk(users: unknown): EthoraNewUser[] {
    return readStoredUsers(users, this.scope.appId);
  }

  chatName(chatId: string): string {
    return this.scope.names.chatName(chatId, false);
  }

  async createRoom(room: RoomBody): Promise<RoomOutcome> {
    return { status: (await this.rooms.create(this.scope, room)).status };
  }

  /** Posts one batch (≤ 100 users). Resolves the Ethora job id, or the outcomes when the server answered at once. */
  async postUsers(users: readonly EthoraNewUser[]): Promise<{ jobId: string } | { created: BulkCreatedUser[] }> {
    const answer = await this.batches.post(this.scope, users);
    if (isJobTicket(answer)) return { jobId: answer.jobId };
    return { created: this.outcomes(users, answer ?? []) };
  }

  /** Polls a posted batch once. */
  async pollUsers(users: readonly EthoraNewUser[], jobId: string): Promise<BatchState> {
    const { route, params } = jobLocation('users', this.scope.appId, { jobId });
    const job = await this.http.send<EthoraJob<{ results?: CreateUserResult[] }>>(route, { params });
    if (job.state === 'completed') return { state: 'completed', created: this.outcomes(users, job.result?.results ?? []) };
    if (job.state === 'failed') return { state: 'failed', message: describeJobError(job.error) };
    return { state: 'pending' };
  }

  async grant(chatId: string, userIds: readonly string[]): Promise<void> {
    await this.rooms.sendAccess(this.scope, 'grant', chatId, userIds);
  }

  async revoke(chatId: string, userIds: readonly string[]): Promise<void> {
    await this.rooms.sendAccess(this.scope, 'revoke', chatId, userIds);
  }

  /**
   * One page of a room's members, as `[key, plain id]` pairs (members the library cannot address are left out,
   * as in the in-process sync), and how many the page listed; `undefined` when the room does not exist.
   */
  async memberPage(chatId: string, offset: number): Promise<{ ids: [string, string][]; listed: number } | undefined> {
    const page = await this.users.roomMembers(this.scope, chatId, MEMBER_PAGE_SIZE, offset).catch(undefinedWhenRoomMissing);
    if (!page) return undefined;
    const ids: [string, string][] = [];
    for (const member of page) {
      const id = listedMemberId(this.scope.appId, member);
      if (id !== undefined) ids.push([id.toLowerCase(), id]);
    }
    return { ids, listed: page.length };
  }

  /** The sync's plan (the same pure plan as in process) from the users as stored and the members read. */
  planSync(chatId: string, users: unknown, current: MemberIds, guard: QueuedSyncPlan['guard']): RoomMembersPlan {
    const desired: MemberIds = new Map(this.storedUuids(users).map((uuid) => [uuid.toLowerCase(), uuid]));
    return planRoomSync(this.scope, this.chatbotJid, chatId, { desired, current }, guard);
  }

  /** The users as given (for the chunk jobs) whose ids the plan adds. */
  newcomers(users: BulkUserInput[], plan: RoomMembersPlan): BulkUserInput[] {
    const adding = new Set(plan.toAdd.map((id) => id.toLowerCase()));
    const uuids = this.storedUuids(users);
    return users.filter((_, index) => adding.has((uuids[index] as string).toLowerCase()));
  }

  /** Sorts a failed call: 429, transient (5xx, connection, timeout) or final; `unknownJob` is a 404 on a poll. */
  describeFailure(error: unknown): StepFailure & { unknownJob: boolean } {
    const item = toBulkItemError(error);
    const code = isEthoraApiError(error) ? error.code : undefined;
    const kind = code === 'rate_limited' ? 'rate_limited' : code && TRANSIENT.has(code) ? 'transient' : 'final';
    const retryAfterMs = isEthoraError(error) && error.code === 'rate_limited' ? error.retryAfterMs : undefined;
    return { kind, error: item, unknownJob: code === 'not_found', ...(retryAfterMs !== undefined && { retryAfterMs }) };
  }

  totals(users: readonly ProvisionedUser[]): ProvisionWorkspaceTotals {
    let granted = 0;
    for (const user of users) if (user.granted) granted++;
    return { ...countCreated(users), granted, notGranted: users.length - granted };
  }

  /** Aborts calls in flight and closes the sockets. */
  close(): void {
    this.http.onApplicationShutdown();
  }

  private storedUuids(users: unknown): string[] {
    return Array.isArray(users) && users.length === 0 ? [] : this.readChunk(users).map((user) => user.uuid);
  }

  private outcomes(users: readonly EthoraNewUser[], results: CreateUserResult[]): BulkCreatedUser[] {
    return matchResults(users, results, this.scope.appId).map((result, index) => outcome((users[index] as EthoraNewUser).uuid, result));
  }
}

/** Builds the steps from the app's `EthoraChatModule` (registered with `isGlobal: true`). */
export const provisioningStepsProvider: Provider = {
  provide: ProvisioningSteps,
  useFactory: (options: ResolvedEthoraChatOptions, tokens: EthoraTokenService) => new ProvisioningSteps(options, tokens),
  inject: [ETHORA_CHAT_RESOLVED_OPTIONS, EthoraTokenService],
};
