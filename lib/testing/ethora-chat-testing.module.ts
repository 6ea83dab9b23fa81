import { type DynamicModule, Module, type OnModuleDestroy } from '@nestjs/common';
import { EthoraChatModule } from '../ethora-chat.module.js';
import type { EthoraChatModuleOptions } from '../interfaces/ethora-chat-options.interface.js';
import { EthoraEmulator } from './emulator/index.js';
import { emulatorModuleOptions } from './emulator-module-options.js';

/** Options of `EthoraChatTestingModule.register`. */
export interface EthoraChatTestingOptions {
  /** An emulator to use (started here if it is not yet). Default: a fresh one on a random port, stopped with the module. */
  emulator?: EthoraEmulator;
  /** Module options layered over the emulator's url and credentials, e.g. `{ chatbotJid: 'bot' }`. */
  options?: Partial<EthoraChatModuleOptions>;
  /** Register globally, as the module it replaces may have been. */
  isGlobal?: boolean;
}

/** Stops an emulator this module started, when the testing module closes. */
class EmulatorLifecycle implements OnModuleDestroy {
  constructor(
    private readonly emulator: EthoraEmulator,
    private readonly owned: boolean,
  ) {}

  async onModuleDestroy(): Promise<void> {
    if (this.owned) await this.emulator.stop();
  }
}

/**
 * `EthoraChatModule` wired to an in-process Ethora emulator, for Nest tests of code that injects
 * `EthoraChatService`: `Test.createTestingModule({ imports: [EthoraChatTestingModule.register(), FeatureModule] })`.
 * `moduleRef.get(EthoraEmulator)` gives the emulator, to read its state or inject faults.
 * To swap the module an `AppModule` registered, use `emulatorModuleOptions` with `overrideProvider` instead:
 * Nest's `overrideModule` matches a dynamic module only by the very object `forRoot()` returned.
 */
@Module({})
export class EthoraChatTestingModule {
  static register(testing: EthoraChatTestingOptions = {}): DynamicModule {
    const owned = !testing.emulator;
    const emulator = testing.emulator ?? new EthoraEmulator();
    const chatModule = EthoraChatModule.forRootAsync({
      useFactory: async () => {
        await emulator.start(); // a no-op when the caller started it
        return emulatorModuleOptions(emulator, testing.options);
      },
    });
    return {
      module: EthoraChatTestingModule,
      global: testing.isGlobal,
      imports: [chatModule],
      providers: [
        { provide: EthoraEmulator, useValue: emulator },
        { provide: EmulatorLifecycle, useFactory: () => new EmulatorLifecycle(emulator, owned) },
      ],
      exports: [chatModule, EthoraEmulator],
    };
  }
}
