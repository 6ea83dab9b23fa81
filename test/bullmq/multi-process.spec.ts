import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EthoraEmulator } from '../../lib/testing/index.js';
import { startRedis, type TestRedis } from './support/redis-server.mjs';

const ROOMS = 20;
const USERS_PER_ROOM = 1_000;
const RATE = 60;
const script = join(process.cwd(), 'test', 'bullmq', 'support', 'queue-process.mjs');

let redis: TestRedis;
let emulator: EthoraEmulator;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  redis = await startRedis();
  // The emulator's own limit (a token bucket per app, 429 + Retry-After), with a burst of a quarter second's worth:
  // tight, yet wide enough for the bunching a busy emulator event loop adds to arrivals.
  emulator = await new EthoraEmulator({ requestLogLimit: 0, seed: 14, rateLimit: { requestsPerSecond: RATE, burst: RATE / 4 } }).start();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await emulator.stop();
  await redis.stop();
});

/** Starts one instance (a Nest application context on dist/) and hands each `TAG {json}` line it prints to `onLine`. */
function instance(role: 'worker' | 'producer', onLine: (tag: string, value: any) => void): ChildProcess {
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      QUEUE_ROLE: role,
      ETHORA_CHAT_API_URL: emulator.url,
      ETHORA_CHAT_APP_ID: emulator.appId,
      ETHORA_CHAT_APP_SECRET: emulator.appSecret,
      ETHORA_CHAT_XMPP_HOST: emulator.xmppHost,
      REDIS_PORT: String(redis.port),
      QUEUE_PREFIX: 'mp',
      RATE: String(RATE),
      ROOMS: String(ROOMS),
      USERS_PER_ROOM: String(USERS_PER_ROOM),
      LOCK_MS: '4000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const space = line.indexOf(' ');
    if (space > 0) onLine(line.slice(0, space), JSON.parse(line.slice(space + 1)));
  });
  return child;
}

describe('three worker processes and a producer on one Redis', () => {
  it('provision 20,000 users into 20 rooms under one rate limit, losing nothing when a worker is SIGKILLed at ~30%', async () => {
    // Faults on top of the rate limit: 503s and connection resets, some after the change took effect.
    emulator.faults.add({ probability: 0.04, status: 503 });
    emulator.faults.add({ probability: 0.02, reset: true, phase: 'after' });
    const workers = [0, 1, 2].map(() => instance('worker', () => undefined));
    const reports: { room: string; ok: boolean; granted: string[]; totals: Record<string, number> }[] = [];
    let killedAt: number | undefined;
    const producer = instance('producer', (tag, value) => {
      if (tag === 'PROGRESS' && killedAt === undefined && value.done >= value.total * 0.3) {
        killedAt = value.done;
        workers[0]!.kill('SIGKILL');
      }
      if (tag === 'REPORT') reports.push(value);
    });
    const [code] = await once(producer, 'exit');
    expect(code).toBe(0);
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(ROOMS * USERS_PER_ROOM * 0.6);

    expect(reports).toHaveLength(ROOMS);
    for (const report of reports) {
      expect(report).toMatchObject({ ok: true, totals: { users: USERS_PER_ROOM, failed: 0, granted: USERS_PER_ROOM, notGranted: 0 } });
      const expected = Array.from({ length: USERS_PER_ROOM }, (_, i) => `${report.room}-u${i}`);
      expect(report.granted).toEqual(expected);
      // The room has exactly its members: none missing, none twice, none from another room.
      const members = emulator.state.room(emulator.appId, report.room)?.members ?? [];
      expect([...members].sort()).toEqual([...expected].sort());
    }
    const created = ROOMS * USERS_PER_ROOM;
    expect(reports.reduce((sum, report) => sum + report.totals.created! + report.totals.existed!, 0)).toBe(created);
    // Every user exists exactly once (the emulator keys users by id, case-insensitively).
    expect(emulator.state.userCount(emulator.appId)).toBe(created);
    expect(emulator.state.roomCount(emulator.appId)).toBe(ROOMS);
    // No 429 from a bucket of burst RATE/4 means no span ever went above the limit by more than that burst;
    // and no wall-clock second held more than RATE requests.
    const stats = emulator.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.maxRequestsPerSecond).toBeLessThanOrEqual(RATE);
  }, 120_000);
});
