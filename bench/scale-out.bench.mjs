// 6. Scale-out: USERS users into USERS/100 rooms against an emulator with 30 ms latency and its own rate limit
//    of 200 requests/s (a token bucket per app, burst a quarter second's worth, 429 + Retry-After), run (a) in one process with
//    `provisionWorkspace` and `rateLimitPerSecond`, and (b) by three BullMQ worker processes sharing one limit;
//    plus (c) the naive `Promise.all` of createUser calls on 1,000 users against the same limit.
//    BENCH_SCALE_USERS sets USERS (default 100,000).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../test/bullmq/support/redis-server.mjs';
import { startReadyProcess } from './support/emulator-process.mjs';
import { startLibrary } from './support/library.mjs';
import { fmt, time } from './support/measure.mjs';

export const SCALE_LATENCY_MS = 30;
export const SCALE_RATE = 200;
export const SCALE_USERS = Number(process.env.BENCH_SCALE_USERS ?? 100_000);
const USERS_PER_ROOM = 100;
const NAIVE_USERS = 1_000;
const BOUND = 1.15;
const queueScript = fileURLToPath(new URL('../test/bullmq/support/queue-process.mjs', import.meta.url));
const limitedEmulatorScript = fileURLToPath(new URL('./support/limited-emulator.mjs', import.meta.url));

const rooms = () => Array.from({ length: SCALE_USERS / USERS_PER_ROOM }, (_, i) => `scale-${i}`);
const usersOf = (room, count = USERS_PER_ROOM) => Array.from({ length: count }, (_, i) => ({ userId: `${room}-u${i}`, firstName: 'Bench', lastName: `User${i}` }));

/** A fresh emulator (30 ms latency, 200/s limit) in its own process; `run(url, emulator)` does the work. */
async function behindLimit(distDir, run) {
  const burst = String(SCALE_RATE / 4);
  const emulator = await startReadyProcess(limitedEmulatorScript, [distDir, String(SCALE_LATENCY_MS), String(SCALE_RATE), burst], 'LIMITED_EMULATOR_READY');
  try {
    const outcome = await run(emulator.url, emulator);
    const stats = await (await fetch(emulator.statsUrl)).json();
    return { ...outcome, passed: stats.requests - stats.rateLimited, limited: stats.rateLimited, maxPerSecond: stats.maxRequestsPerSecond };
  } finally {
    await emulator.stop();
  }
}

/** A row per scale-out run: wall time against the bound requests ÷ limit, failures and 429s. */
function scaleRow(name, { ms, failed, passed, limited }) {
  const requests = passed + limited;
  const floorMs = (requests / SCALE_RATE) * 1000;
  const ratio = ms / floorMs;
  const share429 = limited / requests;
  return {
    name,
    value: `${fmt.ms(ms)}; ${fmt.int(requests)} requests (${fmt.int(limited)} × 429 = ${(share429 * 100).toFixed(2)}%), ${fmt.int(failed)} failed, peak ${'{peak}'}`,
    ratio,
    ratioNote: 'of requests ÷ limit',
    target: `≤ ${BOUND}× of requests ÷ limit, 0 failed, ≤ 1% 429`,
    pass: ratio <= BOUND && failed === 0 && share429 <= 0.01,
    missNote: 'scale-out runs must stay within 1.15× of the time the rate limit allows, with no failed user and ≤ 1% 429s',
  };
}

async function inProcess(library, url, emulator) {
  const ctx = await startLibrary(library, { ...emulator, url }, { rateLimitPerSecond: SCALE_RATE });
  try {
    let failed = 0;
    const queue = rooms();
    const ms = await time(async () => {
      // 64 rooms in flight: plenty to keep the limiter busy, without a million pending promises.
      await Promise.all(
        Array.from({ length: 64 }, async () => {
          for (let room = queue.shift(); room; room = queue.shift()) {
            const report = await ctx.service.provisionWorkspace(room, usersOf(room));
            failed += report.totals.notGranted;
          }
        }),
      );
    });
    return { ms, failed };
  } finally {
    await ctx.close();
  }
}

/** Runs test/bullmq/support/queue-process.mjs: 3 workers and a producer; resolves when the producer has every report. */
async function onBullmq(distDir, url, emulator) {
  const redis = await startRedis();
  const children = [];
  const spawnRole = (role) => {
    const child = spawn(process.execPath, [queueScript], {
      env: {
        ...process.env,
        QUEUE_ROLE: role,
        ETHORA_CHAT_API_URL: url,
        ETHORA_CHAT_APP_ID: emulator.appId,
        ETHORA_CHAT_APP_SECRET: emulator.appSecret,
        ETHORA_CHAT_XMPP_HOST: emulator.xmppHost,
        REDIS_PORT: String(redis.port),
        QUEUE_PREFIX: 'bench',
        RATE: String(SCALE_RATE),
        ROOMS: String(SCALE_USERS / USERS_PER_ROOM),
        USERS_PER_ROOM: String(USERS_PER_ROOM),
        CONCURRENCY: '16',
        PROGRESS_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return child;
  };
  try {
    const workers = [0, 1, 2].map(() => spawnRole('worker'));
    await Promise.all(workers.map((worker) => new Promise((resolve) => createInterface({ input: worker.stdout }).once('line', resolve))));
    const producer = spawnRole('producer');
    let failed = 0;
    let ms = 0;
    createInterface({ input: producer.stdout }).on('line', (line) => {
      const [tag, json] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
      if (tag === 'REPORT') failed += JSON.parse(json).totals.notGranted;
      if (tag === 'ELAPSED') ms = JSON.parse(json).ms;
    });
    const [code] = await once(producer, 'exit');
    if (code !== 0) throw new Error(`the BullMQ producer exited with ${code}`);
    return { ms, failed };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await redis.stop();
  }
}

async function naive(library, url, emulator) {
  // Logging off: each of the hundreds of 429s would print a retry warning.
  const ctx = await startLibrary(library, { ...emulator, url }, { logging: false });
  try {
    const outcomes = await Promise.allSettled(usersOf('naive', NAIVE_USERS).map(({ userId, ...data }) => ctx.service.createUser(userId, data)));
    return { failed: outcomes.filter((outcome) => outcome.status === 'rejected').length };
  } finally {
    await ctx.close();
  }
}

export async function benchScaleOut(library, distDir) {
  const withPeak = (row, stats) => ({ ...row, value: row.value.replace('{peak}', `${stats.maxPerSecond}/s`) });
  const single = await behindLimit(distDir, (url, emulator) => inProcess(library, url, emulator));
  const queued = await behindLimit(distDir, (url, emulator) => onBullmq(distDir, url, emulator));
  const rushed = await behindLimit(distDir, (url, emulator) => naive(library, url, emulator));
  const label = `${fmt.int(SCALE_USERS)} users → ${fmt.int(SCALE_USERS / USERS_PER_ROOM)} rooms @ ${SCALE_RATE} req/s`;
  return [
    withPeak(scaleRow(`${label}, one process (rateLimitPerSecond)`, single), single),
    withPeak(scaleRow(`${label}, 3 BullMQ worker processes`, queued), queued),
    {
      name: `naive Promise.all(createUser) × ${fmt.int(NAIVE_USERS)} @ ${SCALE_RATE} req/s`,
      value: `${fmt.int(rushed.failed)} of ${fmt.int(NAIVE_USERS)} users failed; ${fmt.int(rushed.limited)} × 429 of ${fmt.int(rushed.passed + rushed.limited)} requests`,
      ratio: rushed.failed / NAIVE_USERS,
      ratioNote: 'failed',
      target: 'report (what the limiter prevents)',
      pass: undefined,
    },
  ];
}
