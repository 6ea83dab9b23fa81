import type { EthoraEmulatorOptions, NotFoundBodyShape } from './emulator-options.interface.js';
import type { FaultRule } from './fault-injector.js';

/** Parsed command line of `nestjs-ethora-chat-emulator`. */
export interface EmulatorCliArgs {
  help: boolean;
  version: boolean;
  /** Print `export VAR='value'` lines (the ready line becomes a `#` comment), for `source`-ing. */
  exportEnv: boolean;
  /** Plain id of the chatbot user seeded at start; its JID is printed as `ETHORA_CHAT_BOT_JID`. */
  chatbotUserId: string;
  options: EthoraEmulatorOptions;
  /** Fault rules from `--fault '<json>'` (repeatable; `"pathRegex"` gives a RegExp path). */
  faults: FaultRule[];
}

/** Usage text of the CLI. */
export const EMULATOR_USAGE = `Usage: nestjs-ethora-chat-emulator [options]
  --port N                    port (default 4000; 0 = random)
  --host H                    interface (default 127.0.0.1)
  --app-id ID                 primary app id (24 hex)
  --app-secret S              primary app secret
  --xmpp-host H               XMPP domain for room JIDs
  --chatbot-user ID           chatbot user to seed (default "chatbot"); printed as ETHORA_CHAT_BOT_JID
  --latency-ms N              fixed latency on every route
  --job-delay-ms N            time a job takes to complete on the server's clock (default 50)
  --rate-limit N              requests per second per app (429 above; off by default)
  --rate-burst N              bucket size of the rate limit (default: one second's worth)
  --seed N                    fault RNG seed
  --not-found-body B          string | json (body of the v1 delete "not found" 422)
  --request-log-limit N       requests kept in the log (0 = off)
  --request-log-max-bytes N   bytes kept in the log (default 16 MiB)
  --fault JSON                a fault rule, e.g. '{"path":"/v2/chats","status":503,"probability":0.1}'
  --export                    print "export VAR='value'" lines, for: source <(...)
  --ready-line                accepted for compatibility; the EMULATOR_READY line is always printed
  -h, --help                  this text
  --version                   the package version
`;

const VALUE_FLAGS = [
  'port', 'host', 'app-id', 'app-secret', 'xmpp-host', 'chatbot-user', 'latency-ms', 'job-delay-ms', 'rate-limit',
  'rate-burst', 'seed', 'not-found-body', 'request-log-limit', 'request-log-max-bytes', 'fault',
] as const;
const SWITCHES = ['help', 'version', 'export', 'ready-line'] as const;

/** Parses `--flag value` / `--flag=value` arguments. Throws an Error with a readable message on bad input. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorCliArgs {
  const out: EmulatorCliArgs = { help: false, version: false, exportEnv: false, chatbotUserId: 'chatbot', options: { port: 4000 }, faults: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h') {
      out.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (name === 'help') out.help = true;
      if (name === 'version') out.version = true;
      if (name === 'export') out.exportEnv = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw new Error(`unknown option --${name}${suggestion(name)}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`--${name} needs a value`);
    apply(out, name as (typeof VALUE_FLAGS)[number], value);
  }
  return out;
}

function apply(out: EmulatorCliArgs, name: (typeof VALUE_FLAGS)[number], value: string): void {
  const o = out.options;
  switch (name) {
    case 'port': o.port = int(name, value, 0, 65535); break;
    case 'host': o.host = value; break;
    case 'app-id': o.appId = value; break;
    case 'app-secret': o.appSecret = value; break;
    case 'xmpp-host': o.xmppHost = value; break;
    case 'chatbot-user': out.chatbotUserId = value; break;
    case 'latency-ms': o.latencyMs = int(name, value, 0, 600_000); break;
    case 'job-delay-ms': o.jobs = { ...o.jobs, delayMs: int(name, value, 0, 600_000) }; break;
    case 'rate-limit': o.rateLimit = { ...o.rateLimit, requestsPerSecond: int(name, value, 1, 10_000_000) }; break;
    case 'rate-burst': o.rateLimit = { requestsPerSecond: 0, ...o.rateLimit, burst: int(name, value, 1, 10_000_000) }; break;
    case 'seed': o.seed = int(name, value, 0, 2 ** 32 - 1); break;
    case 'not-found-body': o.notFoundBody = pick<NotFoundBodyShape>(name, value, ['string', 'json']); break;
    case 'request-log-limit': o.requestLogLimit = int(name, value, 0, 10_000_000); break;
    case 'request-log-max-bytes': o.requestLogMaxBytes = int(name, value, 0, 2 ** 31); break;
    case 'fault': out.faults.push(parseFault(value)); break;
  }
}

/** `; did you mean --x?` for the closest known flag within a third of the name's length in edits (at least 2). */
function suggestion(name: string): string {
  const tolerance = Math.max(2, Math.floor(name.length / 3));
  let best: { flag: string; distance: number } | undefined;
  for (const flag of [...VALUE_FLAGS, ...SWITCHES]) {
    const distance = editDistance(name, flag);
    if (distance <= tolerance && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best ? `; did you mean --${best.flag}?` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

function int(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
  return n;
}

function pick<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function parseFault(value: string): FaultRule {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw new Error('--fault must be a JSON object');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('--fault must be a JSON object');
  const { pathRegex, ...rule } = raw as FaultRule & { pathRegex?: string };
  return pathRegex === undefined ? rule : { ...rule, path: new RegExp(pathRegex) };
}
