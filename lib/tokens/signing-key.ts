import { createHmac } from 'node:crypto';
import type { SigningMode, TokenPurpose } from '../contract/signing-mode.js';

// Re-exported for the emulator, which imports them from here.
export type { SigningMode, TokenPurpose };

/**
 * Derives the HS256 key for one purpose. The scoped key is the 64-char lowercase hex *string*
 * (used as UTF-8 bytes), not the raw digest: that is what the server verifies against.
 * @internal
 */
export function deriveSigningKey(appSecret: string, purpose: TokenPurpose, mode: SigningMode = 'scoped'): string {
  if (mode === 'legacy') return appSecret;
  return createHmac('sha256', appSecret).update(`ethora:${purpose}:v1`).digest('hex');
}
