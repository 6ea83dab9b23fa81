import { afterEach, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

// `npm run sample` exactly as a user runs it: npm, then the script's shell, then node. A signal sent to the npm
// process must reach the app (the script `exec`s node, so npm forwards it straight to it) and free the port.

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `accepts(port)` equals `wanted` or `capMs` passes; returns the last answer. */
async function waitFor(port: number, wanted: boolean, capMs: number): Promise<boolean> {
  const end = Date.now() + capMs;
  for (;;) {
    const now = await accepts(port);
    if (now === wanted || Date.now() > end) return now;
    await sleep(100);
  }
}

describe('npm run sample', () => {
  let npm: ChildProcess | undefined;

  afterEach(() => {
    // Whatever happened, leave no process behind: the whole group this test started (gone already when it passed).
    try {
      if (npm?.pid) process.kill(-npm.pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
    npm = undefined;
  });

  // SIGTERM only: npm forwards SIGINT the same way, and each run builds the sample (slow on a shared machine).
  it('stops the app and frees its port on SIGTERM sent to the npm process', async () => {
    const port = await freePort();
    // No ETHORA_CHAT_API_URL: the sample runs on its embedded emulator.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    delete env.ETHORA_CHAT_API_URL;
    npm = spawn('npm', ['run', 'sample'], { env, detached: true, stdio: 'ignore' });
    expect(await waitFor(port, true, 90_000)).toBe(true);

    process.kill(npm.pid as number, 'SIGTERM');

    expect(await waitFor(port, false, 5_000)).toBe(false);
  }, 120_000);
});
