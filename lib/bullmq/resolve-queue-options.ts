import type { ConnectionOptions } from 'bullmq';
import type { EthoraQueueModuleOptions } from './ethora-queue-options.interface.js';
import { ARRIVAL_JITTER_MS, assertPositiveInteger, EthoraArgumentError } from './provisioning-steps.js';

/** Queue options with defaults applied. @internal */
export interface ResolvedQueueOptions {
  connection: ConnectionOptions;
  prefix: string;
  requestQueue: string;
  runQueue: string;
  concurrency: number;
  worker: boolean;
  attempts: number;
  lockDurationMs: number;
  /** BullMQ's limiter, sized so no 1 s span ever holds more than `rateLimitPerSecond` activations. */
  limiter: { max: number; duration: number };
}

/** Checks the module options and applies defaults; throws `EthoraArgumentError` naming the option. */
export function resolveQueueOptions(options: EthoraQueueModuleOptions): ResolvedQueueOptions {
  const { connection, rateLimitPerSecond, prefix = 'ethora', queueName = 'ethora-provisioning' } = options ?? {};
  if (typeof connection !== 'object' || connection === null) throw new EthoraArgumentError('connection', 'must be BullMQ connection options');
  if (typeof rateLimitPerSecond !== 'number' || !Number.isFinite(rateLimitPerSecond) || rateLimitPerSecond < 2) {
    throw new EthoraArgumentError('rateLimitPerSecond', 'must be a number of at least 2');
  }
  for (const [name, value] of [['prefix', prefix], ['queueName', queueName]] as const) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) throw new EthoraArgumentError(name, 'must be letters, digits, _ or -');
  }
  const { concurrency = 8, attempts = 6, lockDurationMs = 30_000, worker = true } = options;
  assertPositiveInteger(concurrency, 'concurrency');
  assertPositiveInteger(attempts, 'attempts');
  assertPositiveInteger(lockDurationMs, 'lockDurationMs');
  if (typeof worker !== 'boolean') throw new EthoraArgumentError('worker', 'must be a boolean');
  return {
    connection,
    prefix,
    requestQueue: queueName,
    runQueue: `${queueName}-runs`,
    concurrency,
    worker,
    attempts,
    lockDurationMs,
    limiter: limiterWindow(rateLimitPerSecond),
  };
}

/**
 * BullMQ's limiter counts activations in fixed windows that start at the first activation after the last one
 * expired. A span of 1 s (plus the arrival jitter) meets at most (1000 + jitter)/duration + 1 windows, so
 * `max` per `duration` with duration ≥ max·(1000 + jitter) / (rate − max) never lets Ethora see more than
 * `rate` requests in any 1 s. Windows of ~50 ms keep the pace smooth with few limiter stalls; the cost is
 * about 8% of the rate.
 */
export function limiterWindow(rate: number): { max: number; duration: number } {
  const max = Math.max(1, Math.floor(rate / 20));
  return { max, duration: Math.ceil((max * (1000 + ARRIVAL_JITTER_MS)) / (rate - max)) };
}
