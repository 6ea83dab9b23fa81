import type { Queue } from 'bullmq';
import type { RoomOutcome } from './provisioning-steps.js';

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

  async create(runKey: string, total: number): Promise<void> {
    await (await this.client()).hset(this.key(runKey), { total });
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
