// The ./bullmq entry, listed name by name; test/packaging/exports.spec.ts pins it. `RunProgress` and the
// module extras stay reachable through the signatures (`EthoraRunStatus['progress']`).
export { EthoraQueueModule } from './ethora-queue.module.js';
export {
  EthoraProvisioningQueue,
  type EthoraRunStatus,
  type QueuedProvisionOptions,
  type QueuedSyncOptions,
  type WaitForRunOptions,
} from './ethora-provisioning.queue.js';
export type { EthoraQueueModuleOptions } from './ethora-queue-options.interface.js';
