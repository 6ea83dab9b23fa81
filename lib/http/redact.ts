// Any key holding "password" or "secret" (clientSecret, newPassword, ...), and the token-bearing keys.
const SENSITIVE = /password|secret|^(token|appToken|refreshToken|authorization|x-custom-token)$/i;

/**
 * A copy of a request body with passwords, secrets and tokens replaced by `[redacted]`: for the library's
 * debug logs and the emulator's request log alike.
 */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SENSITIVE.test(key) ? '[redacted]' : redactBody(inner)]),
  );
}
