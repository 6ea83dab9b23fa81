import type { ConnectionOptions } from 'bullmq';

/** Options of `EthoraQueueModule.forRoot` / `forRootAsync`. */
export interface EthoraQueueModuleOptions {
  /** BullMQ's Redis connection (ioredis options such as `{ host, port }`, or an ioredis instance). Redis ≥ 6.2. */
  connection: ConnectionOptions;
  /**
   * Requests per second to Ethora, shared by every instance that runs workers on the same Redis and queue
   * (BullMQ's global limiter: one job activation sends one request). At least 2.
   */
  rateLimitPerSecond: number;
  /** Redis key prefix of the queues. Default `ethora`. */
  prefix?: string;
  /** Base name of the queues (`<name>` for requests, `<name>-runs` for run reports). Default `ethora-provisioning`. */
  queueName?: string;
  /** Jobs one instance works on at once. Default 8. */
  concurrency?: number;
  /** `false` for instances that only enqueue and read runs. Default true. */
  worker?: boolean;
  /** Tries per step for transient failures (5xx, connection errors, timeouts); 429s do not use them up. Default 6. */
  attempts?: number;
  /** How long a worker's lock on a job lasts; a killed worker's job is taken over after about this long. Default 30000. */
  lockDurationMs?: number;
}

/** Extras of `forRoot` / `forRootAsync`. */
export interface EthoraQueueModuleExtras {
  isGlobal?: boolean;
}
