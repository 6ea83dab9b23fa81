import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// `npm test` builds first; this drives the shipped bin (dist/testing/bin/emulator.js) as a user would.
const root = process.cwd();
const bin = join(root, 'dist', 'testing', 'bin', 'emulator.js');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

function run(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000 });
}

/** Starts the bin, reads its output up to the bot JID line, then stops it. */
async function startAndRead(args: string[]): Promise<string[]> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      lines.push(line);
      if (line.includes('ETHORA_CHAT_BOT_JID')) break;
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  return lines;
}

describe('the emulator CLI', () => {
  it('prints its usage for -h and --help, and its version for --version', () => {
    for (const flag of ['-h', '--help']) expect(run([flag])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: nestjs-ethora-chat-emulator') });
    expect(run(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('suggests the flag meant for a mistyped one', () => {
    const res = run(['--job-delay', '5']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('unknown option --job-delay; did you mean --job-delay-ms?');
  });

  it('seeds a chatbot user and prints the env, ETHORA_CHAT_BOT_JID included', async () => {
    const lines = await startAndRead(['--chatbot-user', 'helper']);
    expect(lines[0]).toMatch(/^EMULATOR_READY \{/);
    const ready = JSON.parse((lines[0] as string).slice('EMULATOR_READY '.length)) as { appId: string };
    expect(lines).toContain(`ETHORA_CHAT_BOT_JID=${ready.appId}_helper@xmpp.emulator.local`);
    expect(lines.some((l) => l.startsWith('ETHORA_CHAT_API_URL=http://127.0.0.1:'))).toBe(true);
  });

  it('prints export lines with --export, the ready line as a comment', async () => {
    const lines = await startAndRead(['--export']);
    expect(lines[0]).toMatch(/^# EMULATOR_READY /);
    expect(lines.slice(1).every((l) => /^export ETHORA_CHAT_[A-Z_]+='[^']*'$/.test(l))).toBe(true);
  });
});
