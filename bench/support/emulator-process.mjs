// Runs the emulator CLI (dist/testing/bin/emulator.js), or another server script, in a child process, so the
// server's CPU time is not charged to the client being measured, and reads its `<TAG> {json}` ready line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const live = new Set();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts an emulator; resolves to `{ url, appId, appSecret, xmppHost, pid, stop() }`. */
export async function startEmulatorProcess(distDir, args = []) {
  const bin = join(distDir, 'testing', 'bin', 'emulator.js');
  // The request log is off: benchmarks send hundreds of thousands of requests and read nothing back.
  return startReadyProcess(bin, ['--port', '0', '--request-log-limit', '0', ...args], 'EMULATOR_READY');
}

/** Runs `node script ...args` and resolves to the JSON of its first `<tag> {json}` line, plus `stop()`. */
export async function startReadyProcess(script, args, tag) {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 10 s: ${stderr}`)), 10_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      if (!line.startsWith(`${tag} `)) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice(tag.length + 1)));
    });
  });
  child.removeAllListeners('exit');
  return {
    ...ready,
    async stop() {
      if (child.exitCode !== null) return live.delete(child);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      live.delete(child);
    },
  };
}
