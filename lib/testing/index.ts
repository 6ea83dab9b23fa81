export * from './emulator/index.js';
export { EthoraChatTestingModule, type EthoraChatTestingOptions } from './ethora-chat-testing.module.js';
export { getEthoraChatOptionsToken } from './testing-tokens.js';
