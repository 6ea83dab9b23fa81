// One instance of an app using the queue, as its own Nest application context on the built package (dist/).
// `worker`: takes part in the work until killed. `producer`: enqueues one run per room, prints progress
// lines while they run (`PROGRESS {...}`), then one `REPORT {...}` line per room, and exits.
// Settings come from env: QUEUE_ROLE, ETHORA_CHAT_* (the emulator), REDIS_PORT, QUEUE_PREFIX, RATE, ROOMS, USERS_PER_ROOM,
// CONCURRENCY, LOCK_MS, PROGRESS_MS.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EthoraChatModule } from '../../../dist/index.js';
import { EthoraProvisioningQueue, EthoraQueueModule } from '../../../dist/bullmq/index.js';

const env = process.env;
const role = env.QUEUE_ROLE;
const rooms = Array.from({ length: Number(env.ROOMS ?? 0) }, (_, i) => `mp-room-${i}`);
const usersPerRoom = Number(env.USERS_PER_ROOM ?? 0);

class App {}
Module({
  imports: [
    EthoraChatModule.forRoot({ isGlobal: true, logging: false }),
    EthoraQueueModule.forRoot({
      connection: { host: '127.0.0.1', port: Number(env.REDIS_PORT) },
      prefix: env.QUEUE_PREFIX,
      rateLimitPerSecond: Number(env.RATE),
      concurrency: Number(env.CONCURRENCY ?? 8),
      lockDurationMs: Number(env.LOCK_MS ?? 5000),
      worker: role === 'worker',
    }),
  ],
})(App);

const app = await NestFactory.createApplicationContext(App, { logger: ['error'] });
app.enableShutdownHooks();
const print = (tag, value) => process.stdout.write(`${tag} ${JSON.stringify(value)}\n`);

if (role === 'worker') {
  print('READY', { pid: process.pid });
} else {
  const queue = app.get(EthoraProvisioningQueue);
  const started = performance.now();
  for (const room of rooms) {
    const users = Array.from({ length: usersPerRoom }, (_, i) => ({ userId: `${room}-u${i}`, firstName: 'Member', lastName: `No ${i}` }));
    await queue.provisionWorkspace(room, users, { runKey: `${room}-run` });
  }
  // Progress lines (PROGRESS_MS > 0) are for watching a run; without them the producer just waits for the reports.
  for (const progressMs = Number(env.PROGRESS_MS ?? 250); progressMs > 0; ) {
    const runs = await Promise.all(rooms.map((room) => queue.getRun(`${room}-run`)));
    const done = runs.reduce((sum, run) => sum + run.progress.done, 0);
    print('PROGRESS', { done, total: rooms.length * usersPerRoom });
    if (runs.every((run) => run.state === 'completed')) break;
    await new Promise((resolve) => setTimeout(resolve, progressMs));
  }
  for (const room of rooms) {
    const report = await queue.waitForRun(`${room}-run`);
    const granted = report.users.filter((user) => user.granted).map((user) => user.userId);
    print('REPORT', { room, ok: report.ok, room_status: report.room.status, totals: report.totals, granted });
  }
  print('ELAPSED', { ms: Math.round(performance.now() - started) });
  await app.close();
}
