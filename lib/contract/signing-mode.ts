/** The two token audiences Ethora knows; each gets its own derived signing key. */
export type TokenPurpose = 'server' | 'client';

/**
 * How JWTs are signed (ethora-api.md §2).
 * - `scoped` (default): HS256 key = hex(HMAC-SHA256(appSecret, "ethora:<purpose>:v1")), as the official SDK since 2026-03.
 * - `legacy`: HS256 key = the raw app secret, as older clients do.
 */
export type SigningMode = 'scoped' | 'legacy';
