import { createHmac } from 'node:crypto';

/** The two token audiences Ethora knows; each gets its own derived signing key. */
export type TokenPurpose = 'server' | 'client';

/**
 * How JWTs are signed (ethora-api.md §2).
 * - `scoped` (default): HS256 key = hex(HMAC-SHA256(appSecret, "ethora:<purpose>:v1")), as the official SDK since 2026-03.
 * - `legacy`: HS256 key = the raw app secret, as older clients do.
 */
export type SigningMode = 'scoped' | 'legacy';

/**
 * Derives the HS256 key for one purpose. The scoped key is the 64-char lowercase hex *string*
 * (used as UTF-8 bytes), not the raw digest: that is what the server verifies against.
 * @internal
 */
export function deriveSigningKey(appSecret: string, purpose: TokenPurpose, mode: SigningMode = 'scoped'): string {
  if (mode === 'legacy') return appSecret;
  return createHmac('sha256', appSecret).update(`ethora:${purpose}:v1`).digest('hex');
}
