const SENSITIVE = /^(password|appSecret|secret|token|appToken|refreshToken|authorization|x-custom-token)$/i;

/** A copy of a request body for debug logs, with passwords, secrets and tokens replaced by `[redacted]`. */
export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SENSITIVE.test(key) ? '[redacted]' : redactBody(inner)]),
  );
}
