import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraQueueModule, EthoraProvisioningQueue, type EthoraQueueModuleOptions } from '../../../lib/bullmq/index.js';
import { EthoraChatModule } from '../../../lib/index.js';
import type { EthoraEmulator } from '../../../lib/testing/index.js';
import type { TestRedis } from './redis-server.mjs';

/**
 * One app instance with the real modules: EthoraChatModule (global) against the emulator, and the queue module
 * on the test Redis. Instances given the same `prefix` share the queue. Close the returned module after the test.
 */
export async function startQueueApp(
  emulator: EthoraEmulator,
  redis: TestRedis,
  queue: Partial<EthoraQueueModuleOptions> & { prefix: string },
): Promise<{ moduleRef: TestingModule; queue: EthoraProvisioningQueue }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      EthoraChatModule.forRoot({ apiUrl: emulator.url, appId: emulator.appId, appSecret: emulator.appSecret, xmppHost: emulator.xmppHost, logging: false, isGlobal: true }),
      EthoraQueueModule.forRoot({ connection: redis.connection, rateLimitPerSecond: 400, lockDurationMs: 5_000, ...queue }),
    ],
  }).compile();
  await moduleRef.init();
  return { moduleRef, queue: moduleRef.get(EthoraProvisioningQueue) };
}
