// The one file of the BullMQ entry that reaches into the library's internals: every Ethora call the queue
// makes, the argument checks it reuses and the report helpers. After the API reshape, only this file moves.
import { HttpService } from '@nestjs/axios';
import type { Provider } from '@nestjs/common';
import axios from 'axios';
import { EthoraAppScopes, type EthoraAppScope } from '../apps/ethora-app-scopes.js';
import { prepareBulkUsers } from '../bulk/bulk-input.js';
import { countCreated, toBulkItemError } from '../bulk/bulk-report.js';
import { outcome } from '../bulk/user-chunk.js';
import type {
  BulkCreatedUser,
  BulkItemError,
  BulkUserInput,
  ProvisionedUser,
  ProvisionWorkspaceReport,
  ProvisionWorkspaceTotals,
} from '../bulk/ethora-bulk.interface.js';
import { ETHORA_CHAT_RESOLVED_OPTIONS, ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { isEthoraApiError } from '../errors/ethora-api.error.js';
import { EthoraRateLimitError } from '../errors/ethora-rate-limit.error.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { CreateChatRoomData } from '../interfaces/ethora-rooms.interface.js';
import type { CreateUserResult } from '../interfaces/ethora-users.interface.js';
import type { EthoraJob } from '../interfaces/ethora-jobs.interface.js';
import { isJobTicket } from '../jobs/job-locations.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { buildRoomBody } from '../rooms/room-bodies.js';
import { EthoraRooms } from '../rooms/ethora-rooms.js';
import { EthoraTokenService } from '../tokens/ethora-token.service.js';
import { matchResults } from '../users/ethora-user-batches.js';
import { assertId } from '../validation/arguments.js';

export type { BulkCreatedUser, BulkItemError, BulkUserInput, CreateChatRoomData, ProvisionedUser, ProvisionWorkspaceReport };
export { EthoraArgumentError } from '../errors/ethora-argument.error.js';
export { EthoraConfigError } from '../errors/ethora-config.error.js';
export { EthoraJobError } from '../errors/ethora-job.error.js';
export { assertPositiveInteger } from '../validation/arguments.js';
export { ARRIVAL_JITTER_MS } from '../http/rate-limiter.js';

/** Users per chunk job: Ethora's per-call limit. */
export const CHUNK_SIZE = ETHORA_LIMITS.usersPerBatch;

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

const TRANSIENT = new Set(['server_error', 'connection_error', 'timeout']);

/**
 * Single Ethora requests for the queue's steps. Each method sends exactly one request: the queue's HTTP
 * client runs with `maxRetries: 0` and no local pacing, because BullMQ's attempts are the retry layer and
 * BullMQ's limiter the pace (one job activation = one request). Built on the app's resolved options and
 * server token, so it talks to the same Ethora app as `EthoraChatService`.
 * @internal
 */
export class ProvisioningSteps {
  private readonly http: EthoraHttpClient;
  private readonly rooms: EthoraRooms;
  private readonly scope: EthoraAppScope;

  constructor(options: ResolvedEthoraChatOptions, tokens: EthoraTokenService) {
    const single = { ...options, maxRetries: 0, rateLimitPerSecond: undefined };
    this.http = new EthoraHttpClient(single, new HttpService(axios.create()), tokens);
    this.rooms = new EthoraRooms(this.http);
    this.scope = new EthoraAppScopes(single).own();
  }

  /** Checks a whole request before anything is queued (same rules as the in-process `provisionWorkspace`). */
  checkRequest(chatId: unknown, users: unknown, roomData: unknown): asserts chatId is string {
    assertId(chatId, 'chatId');
    prepareBulkUsers(users, this.scope.appId, 'users');
    buildRoomBody(this.scope.names, chatId, roomData);
  }

  /** Checks a run key: the id rule keeps `:` out, which BullMQ refuses in job ids. */
  checkRunKey(runKey: unknown): asserts runKey is string {
    assertId(runKey, 'options.runKey');
  }

  chatName(chatId: string): string {
    return this.scope.names.chatName(chatId, false);
  }

  async createRoom(chatId: string, roomData: CreateChatRoomData | undefined): Promise<RoomOutcome> {
    return { status: (await this.rooms.create(this.scope, chatId, roomData)).status };
  }

  /** Posts one batch (≤ 100 users). Resolves the Ethora job id, or the outcomes when the server answered at once. */
  async postUsers(users: readonly BulkUserInput[]): Promise<{ jobId: string } | { created: BulkCreatedUser[] }> {
    const built = prepareBulkUsers(users, this.scope.appId, 'users');
    const route = this.scope.appScoped ? ETHORA_ROUTES.createAppUsers : ETHORA_ROUTES.createUsers;
    const answer = await this.http.send<unknown>(route, {
      params: { appId: this.scope.appId },
      body: { bypassEmailConfirmation: true, usersList: built },
    });
    if (isJobTicket(answer)) return { jobId: answer.jobId };
    return { created: this.outcomes(users, (answer as { results?: CreateUserResult[] } | undefined)?.results ?? []) };
  }

  /** Polls a posted batch once. */
  async pollUsers(users: readonly BulkUserInput[], jobId: string): Promise<BatchState> {
    const job = await this.http.send<EthoraJob<{ results?: CreateUserResult[] }>>(ETHORA_ROUTES.userJob, {
      params: { appId: this.scope.appId, jobId },
    });
    if (job.state === 'completed') return { state: 'completed', created: this.outcomes(users, job.result?.results ?? []) };
    if (job.state === 'failed') return { state: 'failed', message: typeof job.error === 'string' ? job.error : 'no reason given' };
    return { state: 'pending' };
  }

  async grant(chatId: string, userIds: string[]): Promise<void> {
    await this.rooms.sendAccess(this.scope, 'grant', chatId, userIds);
  }

  /** Sorts a failed call: 429, transient (5xx, connection, timeout) or final; `unknownJob` is a 404 on a poll. */
  describeFailure(error: unknown): StepFailure & { unknownJob: boolean } {
    const item = toBulkItemError(error);
    const code = isEthoraApiError(error) ? error.code : undefined;
    const kind = code === 'rate_limited' ? 'rate_limited' : code && TRANSIENT.has(code) ? 'transient' : 'final';
    const retryAfterMs = error instanceof EthoraRateLimitError ? error.retryAfterMs : undefined;
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

  private outcomes(users: readonly BulkUserInput[], results: CreateUserResult[]): BulkCreatedUser[] {
    const built = prepareBulkUsers(users, this.scope.appId, 'users');
    return matchResults(built, results, this.scope.appId).map((result, index) => outcome((built[index] as { uuid: string }).uuid, result));
  }
}

/** Builds the steps from the app's `EthoraChatModule` (registered with `isGlobal: true`). */
export const provisioningStepsProvider: Provider = {
  provide: ProvisioningSteps,
  useFactory: (options: ResolvedEthoraChatOptions, tokens: EthoraTokenService) => new ProvisioningSteps(options, tokens),
  inject: [ETHORA_CHAT_RESOLVED_OPTIONS, EthoraTokenService],
};
