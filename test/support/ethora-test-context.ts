import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraChatModule, EthoraChatService, EthoraTokenService, type EthoraChatModuleOptions } from '../../lib/index.js';
import { EthoraEmulator } from '../../lib/testing/index.js';

/** A compiled EthoraChatModule talking to a fresh emulator over loopback HTTP. */
export interface EthoraTestContext {
  emulator: EthoraEmulator;
  moduleRef: TestingModule;
  service: EthoraChatService;
  tokens: EthoraTokenService;
  close(): Promise<void>;
}

/** Fast settings for tests: quiet, millisecond backoff, short timeouts. */
export const FAST_TEST_OPTIONS: Partial<EthoraChatModuleOptions> = {
  logging: false,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 50,
  timeoutMs: 2_000,
};

/** Starts an emulator and compiles the real module against it; `close()` tears both down. */
export async function createEthoraTestContext(
  options: Partial<EthoraChatModuleOptions> = {},
  emulatorOptions: ConstructorParameters<typeof EthoraEmulator>[0] = {},
): Promise<EthoraTestContext> {
  const emulator = await new EthoraEmulator(emulatorOptions).start();
  const moduleRef = await Test.createTestingModule({
    imports: [
      EthoraChatModule.forRoot({
        ...FAST_TEST_OPTIONS,
        apiUrl: emulator.url,
        appId: emulator.appId,
        appSecret: emulator.appSecret,
        xmppHost: emulator.xmppHost,
        ...options,
      }),
    ],
  }).compile();
  await moduleRef.init();
  return {
    emulator,
    moduleRef,
    service: moduleRef.get(EthoraChatService),
    tokens: moduleRef.get(EthoraTokenService),
    async close() {
      await moduleRef.close();
      await emulator.stop();
    },
  };
}
