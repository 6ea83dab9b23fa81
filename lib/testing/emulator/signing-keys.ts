import { createHmac } from 'node:crypto';

/**
 * The emulator's own reading of the signing rule (ethora-api.md §2), written from the contract and not
 * imported from the library, so a wrong derivation on either side shows up in the known-answer vectors.
 */

/** The two token audiences. */
export type TokenPurpose = 'server' | 'client';

/** `scoped`: HS256 key = hex(HMAC-SHA256(secret, "ethora:<purpose>:v1")); `legacy`: the raw secret. */
export type SigningMode = 'scoped' | 'legacy';

/** The HS256 key as a string (its UTF-8 bytes are the key): the 64-char lowercase hex, or the raw secret. @internal */
export function emulatorSigningKey(appSecret: string, purpose: TokenPurpose, mode: SigningMode = 'scoped'): string {
  if (mode === 'legacy') return appSecret;
  return createHmac('sha256', appSecret).update(`ethora:${purpose}:v1`).digest('hex');
}
