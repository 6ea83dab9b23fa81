import type { Queue } from 'bullmq';
import type { BulkUserInput, MemberIds, RoomOutcome } from './provisioning-steps.js';

/** Progress of a run: users whose outcome is known, how many of them failed, and the run's size. */
export interface RunProgress {
  done: number;
  total: number;
  failed: number;
}

/**
 * A run's small shared record in Redis, next to the queue's own keys: its size, the room's outcome (grants wait
 * for it) and one field per finished chunk. Writes are idempotent (a chunk re-run after a crash overwrites its
 * own field), so progress never counts a chunk twice.
 * @internal
 */
export class RunStore {
  constructor(private readonly queue: Queue) {}

  /**
   * The run's record; for a sync also the users as given (its job's data stays small). The first enqueue of a
   * key wins, as with the jobs, so a repeated enqueue does not reset a run's progress.
   */
  async create(runKey: string, total: number, users?: BulkUserInput[]): Promise<void> {
    const client = await this.client();
    if (await client.hexists(this.key(runKey), 'total')) return;
    await client.hset(this.key(runKey), { total, ...(users && { users: JSON.stringify(users) }) });
  }

  /** The size of a sync run, known once it is planned. */
  async setTotal(runKey: string, total: number): Promise<void> {
    await (await this.client()).hset(this.key(runKey), { total });
  }

  async users(runKey: string): Promise<unknown> {
    return JSON.parse((await (await this.client()).hget(this.key(runKey), 'users')) ?? '[]');
  }

  /** Stores a page of a sync's members (key, plain id) under its offset: a page read again after a crash overwrites itself. */
  async addMembers(runKey: string, offset: number, ids: [string, string][]): Promise<void> {
    await (await this.client()).hset(`${this.key(runKey)}:members`, { [offset]: JSON.stringify(ids) });
  }

  /** Every member read, in the order Ethora listed them (plans, and so reports, follow that order as in process). */
  async members(runKey: string): Promise<MemberIds> {
    const pages = Object.entries(await (await this.client()).hgetall(`${this.key(runKey)}:members`));
    pages.sort(([a], [b]) => Number(a) - Number(b));
    return new Map(pages.flatMap(([, ids]) => JSON.parse(ids) as [string, string][]));
  }

  async setRoom(runKey: string, room: RoomOutcome): Promise<void> {
    await (await this.client()).hset(this.key(runKey), { room: JSON.stringify(room) });
  }

  async room(runKey: string): Promise<RoomOutcome | undefined> {
    const raw = await (await this.client()).hget(this.key(runKey), 'room');
    return raw ? (JSON.parse(raw) as RoomOutcome) : undefined;
  }

  async chunkDone(runKey: string, index: number, done: number, failed: number): Promise<void> {
    await (await this.client()).hset(this.key(runKey), { [`chunk-${index}`]: `${done},${failed}` });
  }

  /** `undefined` when no run has this key. */
  async progress(runKey: string): Promise<RunProgress | undefined> {
    const fields = await (await this.client()).hgetall(this.key(runKey));
    if (fields.total === undefined) return undefined;
    const progress = { done: 0, total: Number(fields.total), failed: 0 };
    for (const [field, value] of Object.entries(fields)) {
      if (!field.startsWith('chunk-')) continue;
      const [done, failed] = value.split(',').map(Number);
      progress.done += done ?? 0;
      progress.failed += failed ?? 0;
    }
    return progress;
  }

  private client() {
    return this.queue.getBackend().client;
  }

  private key(runKey: string): string {
    return `${this.queue.opts.prefix}:${this.queue.name}:ethora-run:${runKey}`;
  }
}
