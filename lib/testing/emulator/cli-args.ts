import type { EthoraEmulatorOptions, NotFoundBodyShape, UserBatchMode } from './emulator-options.interface.js';
import type { FaultRule } from './fault-injector.js';

/** Parsed command line of `nestjs-ethora-chat-emulator`. */
export interface EmulatorCliArgs {
  help: boolean;
  options: EthoraEmulatorOptions;
  /** Fault rules from `--fault '<json>'` (repeatable; `"pathRegex"` gives a RegExp path). */
  faults: FaultRule[];
}

/** Usage text of the CLI. */
export const EMULATOR_USAGE = `Usage: nestjs-ethora-chat-emulator [options]
  --port N                   port (default 4000; 0 = random)
  --host H                   interface (default 127.0.0.1)
  --app-id ID                primary app id (24 hex)
  --app-secret S             primary app secret
  --xmpp-host H              XMPP domain for room JIDs
  --latency-ms N             fixed latency on every route
  --seed N                   fault RNG seed
  --polls-before-complete N  job polls answered pending/running
  --user-batch-mode M        async | sync
  --not-found-body B         string | json
  --request-log-limit N      requests kept in the log (0 = off)
  --fault JSON               a fault rule, e.g. '{"path":"/v2/chats","status":503,"probability":0.1}'
  --ready-line               accepted for compatibility; the EMULATOR_READY line is always printed
  --help
`;

const VALUE_FLAGS = new Set([
  'port', 'host', 'app-id', 'app-secret', 'xmpp-host', 'latency-ms', 'seed',
  'polls-before-complete', 'user-batch-mode', 'not-found-body', 'request-log-limit', 'fault',
]);

/** Parses `--flag value` / `--flag=value` arguments. Throws an Error with a readable message on bad input. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorCliArgs {
  const out: EmulatorCliArgs = { help: false, options: { port: 4000 }, faults: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (name === 'help') {
      out.help = true;
      continue;
    }
    if (name === 'ready-line') continue;
    if (!VALUE_FLAGS.has(name)) throw new Error(`unknown option --${name}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new Error(`--${name} needs a value`);
    apply(out, name, value);
  }
  return out;
}

function apply(out: EmulatorCliArgs, name: string, value: string): void {
  const o = out.options;
  switch (name) {
    case 'port': o.port = int(name, value, 0, 65535); break;
    case 'host': o.host = value; break;
    case 'app-id': o.appId = value; break;
    case 'app-secret': o.appSecret = value; break;
    case 'xmpp-host': o.xmppHost = value; break;
    case 'latency-ms': o.latencyMs = int(name, value, 0, 600_000); break;
    case 'seed': o.seed = int(name, value, 0, 2 ** 32 - 1); break;
    case 'polls-before-complete': o.jobs = { pollsBeforeComplete: int(name, value, 0, 1_000_000) }; break;
    case 'user-batch-mode': o.userBatchMode = pick<UserBatchMode>(name, value, ['async', 'sync']); break;
    case 'not-found-body': o.notFoundBody = pick<NotFoundBodyShape>(name, value, ['string', 'json']); break;
    case 'request-log-limit': o.requestLogLimit = int(name, value, 0, 10_000_000); break;
    case 'fault': out.faults.push(parseFault(value)); break;
  }
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
