import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { signJwt, TokenVerifier } from './emulator-auth.js';
import { emulatorSigningKey, type SigningMode, type TokenPurpose } from './signing-keys.js';
import {
  DEFAULT_EMULATOR_APP_ID,
  DEFAULT_EMULATOR_APP_SECRET,
  DEFAULT_EMULATOR_XMPP_HOST,
  type EmulatorBehaviour,
  type EthoraEmulatorOptions,
} from './emulator-options.interface.js';
import type { AppRecord } from './emulator-records.js';
import { EmulatorState, type EmulatorRoomView, type EmulatorUserView } from './emulator-state.js';
import { EmulatorStore } from './emulator-store.js';
import { FaultInjector } from './fault-injector.js';
import { errorAnswer, send } from './http-io.js';
import { JobRunner } from './job-runner.js';
import { RateLimiter } from './rate-limiter.js';
import { RequestStats, type EmulatorStats } from './request-stats.js';
import { assertPlainId } from './naming.js';
import { handleRequest, type PipelineDeps } from './request-pipeline.js';
import { RequestLog, type RecordedRequest } from './request-log.js';
import { Router } from './router.js';
import { allRoutes } from './routes/all-routes.js';

const APP_ID = /^[0-9a-f]{24}$/i;
/** Seeded users share one frozen empty `extra` (it is never mutated; views copy it). */
const NO_EXTRA: Record<string, unknown> = Object.freeze({});

/** A user to seed directly into the state (no HTTP, no job). */
export interface EmulatorSeedUser {
  userId: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  username?: string;
  profileImage?: string;
}

/** A room to seed directly into the state. `members` are plain user ids that must exist. */
export interface EmulatorSeedRoom {
  chatId: string;
  title?: string;
  type?: 'group' | 'public';
  description?: string;
  members?: string[];
}

/** Options of {@link EthoraEmulator.signToken}. */
export interface EmulatorTokenOptions {
  /** Default `'server'`. */
  type?: TokenPurpose;
  /** Default: the primary app. */
  appId?: string;
  /** Required for client tokens. */
  userId?: string;
  /** Default `'scoped'`. */
  keyMode?: SigningMode;
  /** Adds `exp`; negative values make an already-expired token. No `exp` by default. */
  expiresInSeconds?: number;
  /** Sign with this secret instead of the app's (e.g. an app token's secret). */
  secret?: string;
}

/**
 * An in-memory Ethora server over real HTTP, for tests, samples and benchmarks. It enforces what
 * the real server enforces (auth, naming, validation, 422 "not found", jobs) and can inject
 * seeded faults. Always `await emulator.stop()` when done.
 *
 * ```ts
 * const emulator = await new EthoraEmulator().start();
 * process.env.ETHORA_CHAT_API_URL = emulator.url;
 * // ...
 * await emulator.stop();
 * ```
 */
export class EthoraEmulator {
  /** Fault rules (seeded RNG): `faults.add({ path, status: 503, times: 2 })`. */
  readonly faults: FaultInjector;
  /** Job control: `jobs.failNext(n)`, `jobs.configure({ delayMs })`, `jobs.completeAll()`. */
  readonly jobs: JobRunner;
  /** Read-only views of the data. */
  readonly state: EmulatorState;

  private readonly store: EmulatorStore;
  private readonly log: RequestLog;
  private readonly behaviour: EmulatorBehaviour;
  private readonly initialBehaviour: EmulatorBehaviour;
  private readonly deps: PipelineDeps;
  private readonly primaryAppId: string;
  private readonly seed: number;
  private readonly stats_ = new RequestStats();
  private readonly limiter: RateLimiter | undefined;
  private server: Server | undefined;
  private boundPort: number | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: (ok: boolean) => void }>();
  private readonly hanging = new Set<ServerResponse>();
  private requestCounter = 0;

  constructor(private readonly options: EthoraEmulatorOptions = {}) {
    this.primaryAppId = options.appId ?? DEFAULT_EMULATOR_APP_ID;
    if (!APP_ID.test(this.primaryAppId)) throw new TypeError('appId must be a 24-hex ObjectId');
    const secret = options.appSecret ?? DEFAULT_EMULATOR_APP_SECRET;
    if (!secret) throw new TypeError('appSecret must not be empty');
    this.seed = options.seed ?? 1;
    this.initialBehaviour = {
      notFoundBody: options.notFoundBody ?? 'string',
      latencyMs: nonNegativeInt(options.latencyMs ?? 0, 'latencyMs'),
    };
    this.behaviour = { ...this.initialBehaviour };
    this.store = new EmulatorStore(options.xmppHost ?? DEFAULT_EMULATOR_XMPP_HOST);
    this.store.createApp({ appId: this.primaryAppId, secret, displayName: 'Emulator App', configured: true });
    this.faults = new FaultInjector(this.seed);
    this.jobs = new JobRunner(this.store, options.jobs ?? {});
    this.limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
    this.state = new EmulatorState(this.store, () => this.primaryAppId);
    this.log = new RequestLog(options.requestLogLimit ?? 10_000, options.requestLogMaxBytes ?? 16 * 1024 * 1024);
    this.deps = {
      router: new Router().add(allRoutes),
      verifier: new TokenVerifier(this.store),
      faults: this.faults,
      log: this.log,
      services: { store: this.store, jobs: this.jobs, behaviour: this.behaviour },
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      primaryApp: () => this.store.apps.get(this.primaryAppId) as AppRecord,
      nextRequestId: () => `emu-${(++this.requestCounter).toString(36).padStart(6, '0')}`,
      wait: (ms) => this.wait(ms),
      hanging: this.hanging,
      limiter: this.limiter,
      stats: this.stats_,
    };
  }

  /** `http://host:port`, the value for `ETHORA_CHAT_API_URL`. Throws before `start()`. */
  get url(): string {
    const host = this.options.host ?? '127.0.0.1';
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  /** The bound port. Throws before `start()`. */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('EthoraEmulator is not started: await emulator.start() first');
    return this.boundPort;
  }

  /** Id of the primary app. */
  get appId(): string {
    return this.primaryAppId;
  }

  /** Secret of the primary app. */
  get appSecret(): string {
    return (this.store.apps.get(this.primaryAppId) as AppRecord).secret;
  }

  /** The XMPP domain used in room JIDs. */
  get xmppHost(): string {
    return this.store.xmppHost;
  }

  /** The env vars a client needs to talk to this emulator. */
  env(): Record<'ETHORA_CHAT_API_URL' | 'ETHORA_CHAT_APP_ID' | 'ETHORA_CHAT_APP_SECRET' | 'ETHORA_CHAT_XMPP_HOST', string> {
    return {
      ETHORA_CHAT_API_URL: this.url,
      ETHORA_CHAT_APP_ID: this.appId,
      ETHORA_CHAT_APP_SECRET: this.appSecret,
      ETHORA_CHAT_XMPP_HOST: this.xmppHost,
    };
  }

  /** Starts listening. Resolves with the emulator itself; a second call is a no-op. */
  async start(): Promise<this> {
    if (this.server) return this;
    const server = createServer((req, res) => {
      handleRequest(this.deps, req, res).catch((err: unknown) => {
        const answer = errorAnswer(err, 'emu-unknown');
        send(res, answer.status, answer.body, 'emu-unknown');
      });
    });
    if (this.options.maxConnections !== undefined) server.maxConnections = this.options.maxConnections;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and destroys every open, idle or hanging socket, so test runners exit cleanly. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.boundPort = undefined;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve(false);
    }
    this.timers.clear();
    this.jobs.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.hanging.clear();
    await closed;
  }

  /** Registers another app (kept by `reset()`). The secret is generated when omitted. */
  addApp(input: { appId?: string; appSecret?: string; displayName?: string } = {}): { appId: string; appSecret: string } {
    const appId = input.appId ?? this.store.newObjectId();
    if (!APP_ID.test(appId)) throw new TypeError('appId must be a 24-hex ObjectId');
    if (this.store.apps.has(appId)) throw new Error(`app ${appId} already exists`);
    const appSecret = input.appSecret ?? randomBytes(32).toString('hex');
    this.store.createApp({ appId, secret: appSecret, displayName: input.displayName ?? 'Emulator App', configured: true });
    return { appId, appSecret };
  }

  /** Seeds users directly (fast: no HTTP, no job). Existing ids are left as they are. */
  addUsers(users: EmulatorSeedUser[], appId: string = this.primaryAppId): void {
    const app = this.requireApp(appId);
    for (const u of users) {
      const userId = assertPlainId(appId, u.userId, 'userId');
      if (app.users.has(userId)) continue;
      this.store.createUser(app, {
        userId,
        email: u.email ?? `${userId}@emulator.local`,
        firstName: u.firstName ?? 'Test',
        lastName: u.lastName ?? 'User',
        username: u.username,
        profileImage: u.profileImage,
        hasPassword: true,
        emailConfirmed: true,
        extra: NO_EXTRA,
      });
    }
  }

  /** Seeds one user and returns its view. */
  addUser(user: EmulatorSeedUser, appId: string = this.primaryAppId): EmulatorUserView {
    this.addUsers([user], appId);
    return this.state.user(appId, user.userId) as EmulatorUserView;
  }

  /** Seeds a room directly. Throws if it exists or a member is unknown. */
  addRoom(room: EmulatorSeedRoom, appId: string = this.primaryAppId): EmulatorRoomView {
    const app = this.requireApp(appId);
    const chatId = assertPlainId(appId, room.chatId, 'chatId');
    if (app.rooms.has(chatId)) throw new Error(`room ${chatId} already exists`);
    const members = room.members ?? [];
    const unknown = members.filter((id) => !app.users.has(id));
    if (unknown.length > 0) throw new Error(`unknown members: ${unknown.join(', ')}`);
    this.store.createRoom(app, { chatId, title: room.title ?? chatId, type: room.type ?? 'group', description: room.description }, members);
    return this.state.room(appId, chatId) as EmulatorRoomView;
  }

  /**
   * Clears users, rooms, jobs, app tokens, bots, broadcasts, messages, API-created apps, the request log,
   * the stats, the rate-limit buckets and the fault rules; re-seeds the RNG and restores the
   * constructor's behaviour and job settings. Configured apps stay.
   */
  reset(): void {
    this.store.clear();
    this.log.clear();
    this.faults.reset(this.seed);
    this.jobs.reset();
    this.stats_.clear();
    this.limiter?.clear();
    Object.assign(this.behaviour, this.initialBehaviour);
  }

  /** Client connections open now, idle keep-alive sockets included: lets a test check that a client closed its pool. */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** The request log (a copy), oldest first. */
  get requests(): RecordedRequest[] {
    return this.log.list();
  }

  /** Empties the request log. */
  clearRequests(): void {
    this.log.clear();
  }

  /** Changes behaviour at runtime (`reset()` restores the constructor's values). */
  configure(behaviour: Partial<EmulatorBehaviour>): void {
    if (behaviour.latencyMs !== undefined) nonNegativeInt(behaviour.latencyMs, 'latencyMs');
    Object.assign(this.behaviour, behaviour);
  }

  /** Request counters: total, 429s answered by the rate limit, the most requests seen within one second. */
  stats(): EmulatorStats {
    return this.stats_.snapshot();
  }

  /** Signs an Ethora JWT for this emulator's apps (a test convenience; the library signs its own). */
  signToken(options: EmulatorTokenOptions = {}): string {
    const type = options.type ?? 'server';
    const appId = options.appId ?? this.primaryAppId;
    const secret = options.secret ?? this.requireApp(appId).secret;
    if (type === 'client' && !options.userId) throw new TypeError('a client token needs a userId');
    const data: Record<string, unknown> = type === 'client' ? { type, userId: options.userId, appId } : { type, appId };
    const iat = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = { data, iat };
    if (options.expiresInSeconds !== undefined) payload.exp = iat + options.expiresInSeconds;
    return signJwt(payload, emulatorSigningKey(secret, type, options.keyMode ?? 'scoped'));
  }

  private requireApp(appId: string): AppRecord {
    const app = this.store.apps.get(appId);
    if (!app) throw new Error(`unknown app ${appId}`);
    return app;
  }

  private wait(ms: number): Promise<boolean> {
    if (!this.server) return Promise.resolve(false);
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve(true);
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }
}

function nonNegativeInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`${name} must be a non-negative integer`);
  return value;
}
