import type { EthoraChatModuleOptions } from '../interfaces/ethora-chat-options.interface.js';
import type { EthoraEmulator } from './emulator/index.js';

// Fast test defaults: no logging noise, short backoff so retry tests take milliseconds.
const TEST_DEFAULTS: Partial<EthoraChatModuleOptions> = { logging: false, retryBaseDelayMs: 5, retryMaxDelayMs: 50, timeoutMs: 2_000 };

/**
 * Module options that point `EthoraChatModule` at a started emulator, with quiet, fast test defaults,
 * `overrides` on top. Use it to swap an app's real Ethora for the emulator in a test, whichever way the app
 * registered the module: `.overrideProvider(getEthoraChatOptionsToken()).useValue(emulatorModuleOptions(emulator))`.
 */
export function emulatorModuleOptions(emulator: EthoraEmulator, overrides: Partial<EthoraChatModuleOptions> = {}): EthoraChatModuleOptions {
  const { url: apiUrl, appId, appSecret, xmppHost } = emulator;
  return { ...TEST_DEFAULTS, apiUrl, appId, appSecret, xmppHost, ...overrides };
}
