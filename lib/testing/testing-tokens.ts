import { ETHORA_CHAT_MODULE_OPTIONS } from '../ethora-chat.module-definition.js';

/**
 * The injection token of the options given to `EthoraChatModule`, to override them in a test:
 * `Test.createTestingModule(...).overrideProvider(getEthoraChatOptionsToken()).useValue({...})`.
 */
export function getEthoraChatOptionsToken(): string | symbol {
  return ETHORA_CHAT_MODULE_OPTIONS;
}
