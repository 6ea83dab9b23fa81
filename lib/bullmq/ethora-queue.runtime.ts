import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FlowProducer, Queue, Worker } from 'bullmq';
import { ProvisioningSteps } from './provisioning-steps.js';
import { requestProcessor } from './request-processor.js';
import type { ResolvedQueueOptions } from './resolve-queue-options.js';
import { runProcessor } from './run-report.js';
import { RunStore } from './run-store.js';

/** @internal */
export const ETHORA_QUEUE_RESOLVED_OPTIONS = Symbol('ETHORA_QUEUE_RESOLVED_OPTIONS');

/** Base delay of BullMQ's exponential backoff between attempts of a step after a transient failure. */
const BACKOFF_MS = 500;

/**
 * The BullMQ objects of one instance: the request queue (rate-limited, one Ethora request per activation), the
 * runs queue (reports), the flow producer, and, unless `worker: false`, a worker on each. Workers start when
 * the module initialises and finish their current job when the application shuts down.
 * @internal
 */
@Injectable()
export class EthoraQueueRuntime implements OnModuleInit, OnApplicationShutdown {
  readonly requests: Queue;
  readonly runs: Queue;
  readonly flows: FlowProducer;
  readonly store: RunStore;
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(ETHORA_QUEUE_RESOLVED_OPTIONS) readonly options: ResolvedQueueOptions,
    private readonly steps: ProvisioningSteps,
  ) {
    const { connection, prefix } = options;
    this.requests = new Queue(options.requestQueue, { connection, prefix });
    this.runs = new Queue(options.runQueue, { connection, prefix });
    this.flows = new FlowProducer({ connection, prefix });
    this.store = new RunStore(this.requests);
  }

  /** Options of every request job: attempts with backoff, kept after completion so a repeated id stays a no-op. */
  get requestJobOptions() {
    return {
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: BACKOFF_MS },
      ignoreDependencyOnFailure: true,
    } as const;
  }

  onModuleInit(): void {
    if (!this.options.worker) return;
    const { connection, prefix, concurrency, limiter, lockDurationMs } = this.options;
    const shared = { connection, prefix, lockDuration: lockDurationMs, stalledInterval: lockDurationMs, maxStalledCount: 10 };
    this.workers.push(
      new Worker(this.options.requestQueue, requestProcessor(this.steps, this.store, this.requests, this.requestJobOptions), { ...shared, concurrency, limiter }),
      new Worker(this.options.runQueue, runProcessor(this.steps, this.requests), { ...shared, concurrency: 2 }),
    );
    // Connection trouble is reported by BullMQ and retried by ioredis; log it once per event, never throw.
    for (const worker of this.workers) worker.on('error', (error) => this.steps.log.error(`BullMQ worker ${worker.name}: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.steps.close();
    await Promise.all([this.requests.close(), this.runs.close(), this.flows.close()]);
  }
}
