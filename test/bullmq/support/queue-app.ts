import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraQueueModule, EthoraProvisioningQueue, type EthoraQueueModuleOptions } from '../../../lib/bullmq/index.js';
import { EthoraChatModule } from '../../../lib/index.js';
import { EthoraEmulator } from '../../../lib/testing/index.js';
import { startRedis, type TestRedis } from './redis-server.mjs';

/** A started app: its queue, and `observer()` for a second instance (no workers) on the same queue. */
export interface QueueApp {
  emulator: EthoraEmulator;
  queue: EthoraProvisioningQueue;
  observer: () => Promise<EthoraProvisioningQueue>;
}

/**
 * A spec's test bed: one real redis-server for the file, and per test a fresh emulator and app instances with the
 * real modules (EthoraChatModule, global, against the emulator; the queue module on the test Redis, on a prefix of
 * its own). Everything a test started is closed after it.
 */
export function queueTestbed(): { start: (queue?: Partial<EthoraQueueModuleOptions>) => Promise<QueueApp> } {
  let redis: TestRedis;
  let emulator: EthoraEmulator | undefined;
  let modules: TestingModule[] = [];
  let prefixes = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  afterEach(async () => {
    await Promise.all(modules.map((moduleRef) => moduleRef.close()));
    modules = [];
    await emulator?.stop();
    emulator = undefined;
  });

  async function instance(started: EthoraEmulator, queue: Partial<EthoraQueueModuleOptions>): Promise<EthoraProvisioningQueue> {
    const { url, appId, appSecret, xmppHost } = started;
    const moduleRef = await Test.createTestingModule({
      imports: [
        EthoraChatModule.forRoot({ apiUrl: url, appId, appSecret, xmppHost, logging: false, isGlobal: true }),
        EthoraQueueModule.forRoot({ connection: redis.connection, rateLimitPerSecond: 400, lockDurationMs: 5_000, ...queue }),
      ],
    }).compile();
    modules.push(moduleRef);
    await moduleRef.init();
    return moduleRef.get(EthoraProvisioningQueue);
  }

  return {
    async start(queue = {}) {
      const started = await new EthoraEmulator({ requestLogLimit: 100_000 }).start();
      emulator = started;
      const shared = { ...queue, prefix: `t${++prefixes}` };
      return { emulator: started, queue: await instance(started, shared), observer: () => instance(started, { ...shared, worker: false }) };
    },
  };
}
