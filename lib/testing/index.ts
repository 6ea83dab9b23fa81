// What a user's test needs, nothing of the emulator's insides; test/packaging/exports.spec.ts pins it.
export { EthoraEmulator, type EmulatorSeedRoom, type EmulatorSeedUser } from './emulator/index.js';
export type { EthoraEmulatorOptions } from './emulator/index.js';
export { EthoraChatTestingModule, type EthoraChatTestingOptions } from './ethora-chat-testing.module.js';
export { getEthoraChatOptionsToken } from './testing-tokens.js';
export { emulatorModuleOptions } from './emulator-module-options.js';
