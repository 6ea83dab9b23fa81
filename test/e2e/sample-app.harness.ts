import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { EthoraChatModuleOptions } from '../../lib/index.js';
import { EthoraChatTestingModule, EthoraEmulator } from '../../lib/testing/index.js';
import { AppModule, ethoraChatModule } from '../../sample/app.module.js';
import { configureApp } from '../../sample/configure-app.js';
import { EMULATOR_CHATBOT_ID } from '../../sample/ethora-target.js';

/** The sample app, with the same pipes and filters as `main.ts`, on a fresh emulator. */
export interface SampleApp {
  app: INestApplication;
  /** The emulator behind the app: read its state, inject faults. */
  emulator: EthoraEmulator;
  /** Clears the emulator (data, faults, request log) and re-creates the chatbot user. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Builds `AppModule` with its Ethora module replaced by `EthoraChatTestingModule` (fast retries, quiet) on an
 * emulator started here. `ethoraChatModule` is the exact dynamic module AppModule imports: `overrideModule`
 * matches by identity, so overriding the `EthoraChatModule` class would not replace it.
 */
export async function createSampleApp(options: Partial<EthoraChatModuleOptions> = {}): Promise<SampleApp> {
  const emulator = await new EthoraEmulator().start();
  const seedBot = (): void => void emulator.addUser({ userId: EMULATOR_CHATBOT_ID, firstName: 'Ethora', lastName: 'Bot' });
  seedBot();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideModule(ethoraChatModule)
    .useModule(
      EthoraChatTestingModule.register({
        emulator,
        isGlobal: true,
        options: { chatbotJid: EMULATOR_CHATBOT_ID, xmppHost: emulator.xmppHost, ...options },
      }),
    )
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  return {
    app,
    emulator,
    reset() {
      emulator.reset();
      seedBot();
    },
    async close() {
      await app.close();
      await emulator.stop();
    },
  };
}
