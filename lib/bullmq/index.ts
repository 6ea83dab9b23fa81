export { EthoraQueueModule } from './ethora-queue.module.js';
export {
  EthoraProvisioningQueue,
  type EthoraRunStatus,
  type QueuedProvisionOptions,
  type WaitForRunOptions,
} from './ethora-provisioning.queue.js';
export type { EthoraQueueModuleOptions, EthoraQueueModuleExtras } from './ethora-queue-options.interface.js';
export type { RunProgress } from './run-store.js';
