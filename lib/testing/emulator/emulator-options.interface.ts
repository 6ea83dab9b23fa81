/** How a v1 "not found" 422 body is shaped: the real server has answered both ways (ethora-api.md §5). */
export type NotFoundBodyShape = 'string' | 'json';

import type { JobSettings } from './job-runner.js';
import type { RateLimitSettings } from './rate-limiter.js';

/** Behaviour knobs that can also be changed at runtime with `emulator.configure()`. */
export interface EmulatorBehaviour {
  /** Body shape of the v1 delete 422 "not found" answers. Default `'string'`. */
  notFoundBody: NotFoundBodyShape;
  /** Fixed latency added to every request, including `/v1/ping`. Default 0. */
  latencyMs: number;
}

/** Options of {@link EthoraEmulator}. Every field is optional. */
export interface EthoraEmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default `'127.0.0.1'`. */
  host?: string;
  /** Id of the primary app; must be 24 hex chars. Default {@link DEFAULT_EMULATOR_APP_ID}. */
  appId?: string;
  /** Secret of the primary app. Default {@link DEFAULT_EMULATOR_APP_SECRET}. */
  appSecret?: string;
  /** Domain used in room JIDs (`<name>@conference.<xmppHost>`). Default `'xmpp.emulator.local'`. */
  xmppHost?: string;
  /** Seed of the fault RNG; `reset()` re-seeds with it. Default 1. */
  seed?: number;
  /** Jobs run on the server's clock: `delayMs` (default 50) to completion; finished jobs bounded by count and age. */
  jobs?: JobSettings;
  /** A token bucket per app (429 with `Retry-After` and `x-ratelimit-*` headers). Off by default. */
  rateLimit?: RateLimitSettings;
  /** See {@link EmulatorBehaviour.notFoundBody}. */
  notFoundBody?: NotFoundBodyShape;
  /** See {@link EmulatorBehaviour.latencyMs}. */
  latencyMs?: number;
  /** Largest accepted request body in bytes (413 above). Default 1 MiB. */
  maxBodyBytes?: number;
  /** How many requests the log keeps (oldest dropped first); 0 disables logging. Default 10,000. */
  requestLogLimit?: number;
  /** Approximate bytes the log keeps (oldest dropped first). Default 16 MiB. */
  requestLogMaxBytes?: number;
  /** `server.maxConnections`; unlimited by default. */
  maxConnections?: number;
}

/** A valid 24-hex ObjectId used as the default app id. */
export const DEFAULT_EMULATOR_APP_ID = '65a1b2c3d4e5f60718293a4b';
/** A fixed test-only secret (never use it outside tests). */
export const DEFAULT_EMULATOR_APP_SECRET = 'ethora-emulator-test-secret-0123456789abcdef';
/** Default XMPP domain of the emulator. */
export const DEFAULT_EMULATOR_XMPP_HOST = 'xmpp.emulator.local';
