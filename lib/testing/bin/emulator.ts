#!/usr/bin/env node
/**
 * `nestjs-ethora-chat-emulator`: runs the in-memory Ethora emulator as a process. The first stdout
 * line is machine-readable (`EMULATOR_READY {json}`; a `#` comment with `--export`) so a parent process
 * can spawn it and read the URL; the next lines are the env vars to use, the seeded chatbot's JID
 * included. SIGINT/SIGTERM stop it cleanly.
 */
import { readFileSync } from 'node:fs';
import { EthoraEmulator } from '../emulator/ethora-emulator.js';
import { EMULATOR_USAGE, parseEmulatorArgs } from '../emulator/cli-args.js';

async function main(): Promise<void> {
  let args;
  try {
    args = parseEmulatorArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${EMULATOR_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    process.stdout.write(EMULATOR_USAGE);
    return;
  }
  if (args.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  const emulator = new EthoraEmulator(args.options);
  for (const rule of args.faults) emulator.faults.add(rule);
  const bot = emulator.addUser({ userId: args.chatbotUserId, firstName: 'Chat', lastName: 'Bot' });
  await emulator.start();
  const env = { ...emulator.env(), ETHORA_CHAT_BOT_JID: `${bot.xmppUsername}@${emulator.xmppHost}` };
  const ready = { url: emulator.url, port: emulator.port, appId: emulator.appId, appSecret: emulator.appSecret, xmppHost: emulator.xmppHost, pid: process.pid };
  process.stdout.write(`${args.exportEnv ? '# ' : ''}EMULATOR_READY ${JSON.stringify(ready)}\n`);
  for (const [name, value] of Object.entries(env)) {
    process.stdout.write(args.exportEnv ? `export ${name}=${shellQuote(value)}\n` : `${name}=${value}\n`);
  }

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** The version in package.json: three levels up from both lib/testing/bin and dist/testing/bin. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
