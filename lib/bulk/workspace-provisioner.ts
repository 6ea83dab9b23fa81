import type { EthoraAppScope } from '../contract/app-scope.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import type { EthoraLog } from '../logging/ethora-log.js';
import type { EthoraRooms } from '../rooms/ethora-rooms.js';
import type { RoomBody } from '../edge/room-bodies.js';
import type { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { sendAccessChunk } from './access-chunk.js';
import type { ResolvedBulkOptions } from '../edge/bulk-input.js';
import { countCreated, ProgressCounter, toBulkItemError } from './bulk-report.js';
import { mapWithConcurrency } from './bounded-concurrency.js';
import { chunk } from './chunk.js';
import type { BulkItemError, ProvisionedUser, ProvisionWorkspaceReport } from '../interfaces/ethora-bulk.interface.js';
import { createUserChunk } from './user-chunk.js';
import { inChunkSpan } from '../observability/workflow-spans.js';

/** What the provisioner works with. */
export interface WorkspaceDeps {
  rooms: EthoraRooms;
  batches: EthoraUserBatches;
  log: EthoraLog;
  chunkSize: number;
}

/** A provisioning request whose arguments have all been checked. */
export interface WorkspacePlan {
  scope: EthoraAppScope;
  chatId: string;
  users: readonly EthoraNewUser[];
  /** The room create's body, built and checked by `buildRoomBody`. */
  room: RoomBody;
  /** The chatbot's JID when it is to be added. */
  chatbotJid?: string;
  options: ResolvedBulkOptions;
}

type RoomOutcome = ProvisionWorkspaceReport['room'];
type Task = () => Promise<unknown>;

/**
 * Provisions a room and its users with one pool of `concurrency` tasks: the room first, then one pipeline
 * per chunk of ≤ 100 users (create → wait for the job → grant the users that exist, as soon as the room is
 * there), then the chatbot. 1,000 users cost about 1 + 10 + 10 + 10 requests, and the room's round trip
 * overlaps the first batches. Failures end up in the report, per user; nothing is dropped, and nothing
 * here rejects once the arguments are checked.
 */
export async function provisionWorkspace(deps: WorkspaceDeps, plan: WorkspacePlan): Promise<ProvisionWorkspaceReport> {
  const started = performance.now();
  const { scope, chatId, users, options } = plan;
  const report: ProvisionedUser[] = new Array(users.length);
  const progress = new ProgressCounter(users.length, options.onProgress, deps.log);

  // Started by the first task (index 0 always starts first); grants wait on it.
  let roomOutcome: Promise<RoomOutcome> | undefined;
  const room = (): Promise<RoomOutcome> => (roomOutcome ??= ensureRoom(deps.rooms, scope, plan.room));
  const chatbot: ProvisionWorkspaceReport['chatbot'] = { status: 'skipped' };

  const tasks: Task[] = [room];
  for (const part of chunk(users, deps.chunkSize)) {
    // Observability hook: one child span per chunk.
    tasks.push(() => inChunkSpan(scope.appId, part, async () => {
      const created = await createUserChunk(deps.batches, scope, part.items, deps.log);
      const existing = created.filter((user) => user.status !== 'failed').map((user) => user.userId);
      const roomError = (await room()).error;
      const grantError: BulkItemError | undefined =
        roomError ?? (existing.length > 0 ? await sendAccessChunk(deps.rooms, scope, 'grant', chatId, existing) : undefined);
      created.forEach((user, offset) => {
        const granted = user.status !== 'failed' && !grantError;
        const error = user.error ?? (granted ? undefined : grantError);
        report[part.start + offset] = { userId: user.userId, status: user.status, granted, ...(error && { error }) };
      });
      progress.add(part.items.length);
    }));
  }
  const botJid = plan.chatbotJid;
  if (botJid) {
    tasks.push(async () => {
      const error = (await room()).error ?? (await sendAccessChunk(deps.rooms, scope, 'grant', chatId, [botJid]));
      Object.assign(chatbot, error ? { status: 'failed', error } : { status: 'granted' });
    });
  }
  await mapWithConcurrency(tasks, options.concurrency, (task) => task());

  const roomResult = await room();
  let granted = 0;
  for (const user of report) if (user.granted) granted++;
  const totals = { ...countCreated(report), granted, notGranted: report.length - granted };
  const chatName = scope.names.chatName(chatId, false);
  deps.log.debug(
    () =>
      `provisionWorkspace ${chatName}: room ${roomResult.status}, ${totals.users} users (${totals.created} created, ` +
      `${totals.existed} existed, ${totals.failed} failed, ${granted} granted) in ${Math.round(performance.now() - started)}ms`,
  );
  const ok = !roomResult.error && chatbot.status !== 'failed' && totals.notGranted === 0;
  return { ok, chatId, chatName, room: roomResult, chatbot, users: report, totals };
}

// Never rejects: a failed room is reported (users are still created, so a re-run has less to do).
async function ensureRoom(rooms: EthoraRooms, scope: EthoraAppScope, room: RoomBody): Promise<RoomOutcome> {
  try {
    return { status: (await rooms.create(scope, room)).status };
  } catch (error) {
    return { status: 'failed', error: toBulkItemError(error) };
  }
}
