// 5. Membership sync (syncRoomMembers):
//  a. a 10,000-member room with 1% drift (50 join, 50 leave) at 30 ms latency per request (emulator in a
//     child process): requests and wall time, then the same sync again, which must send reads only;
//  b. memory: 100,000 desired ids (streamed) against a 100,000-member room, emulator in this process and
//     seeded directly (addUsers / addRoom), so only the sync's own heap is measured.
import diagnostics from 'node:diagnostics_channel';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulatorProcess } from './support/emulator-process.mjs';
import { startLibrary } from './support/library.mjs';
import { fmt, median, RUNS, time } from './support/measure.mjs';

const DRIFT_LATENCY_MS = 30;
const ROOM = 10_000;
const DRIFT = 50;
const MEMORY_ROOM = 100_000;
const MEMORY_DRIFT = 1_000;
const GC_EVERY = 10_000;

const id = (i) => `m${i}`;
const range = (from, count) => Array.from({ length: count }, (_, i) => id(from + i));

/** Counts the HTTP requests this process starts, by method (every attempt, retries included). */
function requestCounter() {
  const counts = new Map();
  const onStart = ({ request }) => counts.set(request.method, (counts.get(request.method) ?? 0) + 1);
  diagnostics.subscribe('http.client.request.start', onStart);
  return {
    reads: () => counts.get('GET') ?? 0,
    writes: () => [...counts].reduce((sum, [method, n]) => (method === 'GET' ? sum : sum + n), 0),
    reset: () => counts.clear(),
    close: () => diagnostics.unsubscribe('http.client.request.start', onStart),
  };
}

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

export async function benchSync(library, distDir) {
  return [...(await benchDrift(library, distDir)), ...(await benchMemory(library, distDir))];
}

async function benchDrift(library, distDir) {
  const emulator = await startEmulatorProcess(distDir, ['--latency-ms', String(DRIFT_LATENCY_MS)]);
  const ctx = await startLibrary(library, emulator);
  const counter = requestCounter();
  try {
    const { service } = ctx;
    // Seeding through the library: users for the room plus the joiners of every run, then the room.
    const runs = RUNS + 1;
    const users = range(0, ROOM + DRIFT * runs).map((userId) => ({ userId }));
    await service.bulkCreateUsers(users, { concurrency: 32 });
    await service.createChatRoom('drift');
    await service.bulkGrantAccess('drift', range(0, ROOM), { concurrency: 32 });

    // Run k wants members [50k, 50k + 10,000): 50 leave and 50 join, relative to run k - 1.
    const walls = [];
    const sent = [];
    let repeat;
    for (let run = 1; run <= runs; run++) {
      const desired = range(DRIFT * run, ROOM);
      counter.reset();
      let report;
      const ms = await time(async () => (report = await service.syncRoomMembers('drift', desired)));
      if (!report.ok || report.added.length !== DRIFT || report.removed.length !== DRIFT) {
        throw new Error(`drift run ${run}: ${JSON.stringify({ ok: report.ok, added: report.added.length, removed: report.removed.length })}`);
      }
      if (run > 1) {
        walls.push(ms);
        sent.push({ reads: counter.reads(), writes: counter.writes() });
      }
      if (run === runs) {
        counter.reset();
        const again = await time(() => service.syncRoomMembers('drift', desired));
        repeat = { ms: again, reads: counter.reads(), writes: counter.writes() };
      }
    }
    const pages = Math.floor(ROOM / 500) + 1; // pages of 500, the last one (empty here) ends the list
    const reads = median(sent.map((s) => s.reads));
    const writes = median(sent.map((s) => s.writes));
    const writeBudget = (2 * (2 * DRIFT)) / 100;
    return [
      {
        name: `Sync a ${fmt.int(ROOM)}-member room, 1% drift (${DRIFT} join, ${DRIFT} leave), ${DRIFT_LATENCY_MS} ms latency: requests`,
        value: `${reads + writes} requests: ${reads} member pages + ${writes} writes`,
        ratio: (2 * DRIFT) / writes,
        ratioNote: 'changed members per write request',
        target: `${pages} pages + ≤ ${writeBudget} writes`,
        pass: reads === pages && writes <= writeBudget,
      },
      {
        name: `Sync a ${fmt.int(ROOM)}-member room, 1% drift: wall time`,
        value: fmt.ms(median(walls)),
        ratio: median(walls) / ((reads + writes) * DRIFT_LATENCY_MS),
        ratioNote: `of ${reads + writes} round trips of ${DRIFT_LATENCY_MS} ms one after another`,
        target: 'report',
      },
      {
        name: `Sync the same ${fmt.int(ROOM)}-member room again, right after`,
        value: `${repeat.reads} reads, ${repeat.writes} writes in ${fmt.ms(repeat.ms)}`,
        ratio: repeat.writes,
        ratioNote: 'writes',
        target: 'reads only',
        pass: repeat.writes === 0 && repeat.reads === pages,
      },
    ];
  } finally {
    counter.close();
    await ctx.close();
    await emulator.stop();
  }
}

async function benchMemory(library, distDir) {
  const { EthoraEmulator } = await import(pathToFileURL(join(distDir, 'testing', 'index.js')).href);
  const emulator = await new EthoraEmulator({ port: 0, requestLogLimit: 0 }).start();
  const ctx = await startLibrary(library, emulator);
  try {
    const { service } = ctx;
    emulator.addUsers(range(0, MEMORY_ROOM + MEMORY_DRIFT).map((userId) => ({ userId })));
    emulator.addRoom({ chatId: 'big', members: range(0, MEMORY_ROOM) });

    // Runs flip the room between members [0, 100,000) and [1,000, 101,000): each one adds 1,000 and removes
    // 1,000. The desired ids stream in like rows of a database cursor. In sampled runs the heap is measured as
    // they come and after every chunk of changes, when the sync holds both id sets and its plan.
    let flip = 0;
    const sync = (sample) => {
      const from = flip++ % 2 === 0 ? MEMORY_DRIFT : 0;
      async function* desired() {
        for (let i = from; i < from + MEMORY_ROOM; i++) {
          if (sample && i % GC_EVERY === 0) sample();
          yield id(i);
        }
      }
      return service.syncRoomMembers('big', desired(), { onProgress: sample && (() => sample()) });
    };
    const checked = (report) => {
      if (report.added.length !== MEMORY_DRIFT || report.removed.length !== MEMORY_DRIFT) throw new Error('memory sync: wrong plan');
    };

    checked(await sync()); // warm-up
    const walls = [];
    for (let run = 0; run < RUNS; run++) {
      let report;
      walls.push(await time(async () => (report = await sync())));
      checked(report);
    }
    const growths = [];
    for (let run = 0; run < RUNS; run++) {
      const base = heapAfterGc();
      let peak = 0;
      const sample = () => (peak = Math.max(peak, heapAfterGc() - base));
      checked(await sync(sample));
      sample();
      growths.push(peak);
    }

    // Baseline: what holding the room's member objects takes (the naive loop: page them all into an array).
    const base = heapAfterGc();
    const kept = [];
    for await (const user of service.iterateUsers({ chatName: 'big' }, { pageSize: 500 })) kept.push(user);
    const holdAll = heapAfterGc() - base;
    kept.length = 0;

    const growth = median(growths);
    return [
      {
        name: `Sync ${fmt.int(MEMORY_ROOM)} streamed ids against a ${fmt.int(MEMORY_ROOM)}-member room (1% drift): heap growth`,
        value: `${fmt.mb(growth)} vs ${fmt.mb(holdAll)} holding the member objects (${fmt.ms(median(walls))} per sync, unsampled)`,
        ratio: growth / holdAll,
        ratioNote: 'of the heap the member objects take',
        target: '≤ 50 MB',
        pass: growth <= 50 * 2 ** 20,
      },
    ];
  } finally {
    await ctx.close();
    await emulator.stop();
  }
}
