import { type DynamicModule, Module } from '@nestjs/common';
import { EthoraProvisioningQueue } from './ethora-provisioning.queue.js';
import {
  ETHORA_QUEUE_MODULE_OPTIONS,
  EthoraQueueConfigurableModule,
  QUEUE_ASYNC_OPTIONS_TYPE,
  QUEUE_OPTIONS_TYPE,
} from './ethora-queue.module-definition.js';
import { ETHORA_QUEUE_RESOLVED_OPTIONS, EthoraQueueRuntime } from './ethora-queue.runtime.js';
import type { EthoraQueueModuleOptions } from './ethora-queue-options.interface.js';
import { provisioningStepsProvider } from './provisioning-steps.js';
import { resolveQueueOptions } from './resolve-queue-options.js';

/**
 * Durable provisioning on BullMQ (Redis ≥ 6.2; install `bullmq` and `ioredis`). `forRoot({ connection,
 * rateLimitPerSecond, ... })` or `forRootAsync(...)`; provides `EthoraProvisioningQueue`. Every instance that
 * imports it with workers on (the default) takes part in the work, under one shared rate limit. Needs
 * `EthoraChatModule` registered with `isGlobal: true`: the queue talks to the same Ethora app.
 */
@Module({
  providers: [
    {
      provide: ETHORA_QUEUE_RESOLVED_OPTIONS,
      useFactory: (options: EthoraQueueModuleOptions) => resolveQueueOptions(options),
      inject: [ETHORA_QUEUE_MODULE_OPTIONS],
    },
    provisioningStepsProvider,
    EthoraQueueRuntime,
    EthoraProvisioningQueue,
  ],
  exports: [EthoraProvisioningQueue],
})
export class EthoraQueueModule extends EthoraQueueConfigurableModule {
  static override forRoot(options: typeof QUEUE_OPTIONS_TYPE): DynamicModule {
    const { isGlobal, ...queueOptions } = options;
    return { ...super.forRoot(queueOptions as typeof QUEUE_OPTIONS_TYPE), global: isGlobal };
  }

  static override forRootAsync(options: typeof QUEUE_ASYNC_OPTIONS_TYPE): DynamicModule {
    const { isGlobal, ...asyncOptions } = options;
    return { ...super.forRootAsync(asyncOptions as typeof QUEUE_ASYNC_OPTIONS_TYPE), global: isGlobal };
  }
}
