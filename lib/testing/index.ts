export * from './emulator/index.js';
export { EthoraChatTestingModule, type EthoraChatTestingOptions } from './ethora-chat-testing.module.js';
export { getEthoraChatOptionsToken } from './testing-tokens.js';
export { emulatorModuleOptions } from './emulator-module-options.js';
