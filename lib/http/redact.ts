// Secrets by key pattern: passwords (password, passwd, pwd), secrets, tokens, keys (api_key, privateKey, ...),
// auth headers and credentials, cookies, sessions, signatures.
const SECRET_KEY = /pass(word|wd)|pwd|secret|token|auth|key|credential|cookie|session|signature|jwt|private/i;
// Personal data in Ethora bodies: a log is not the place for people's contact details or names.
const PERSONAL_KEY = /^(e-?mail|emails|firstName|lastName|displayName|fullName|phone|phoneNumber|mobile|address|birthday|dateOfBirth|profileImage)$/i;
const REDACTED = '[redacted]';

/**
 * A copy of a request body for the library's own log (`logRequestBodies`): secrets and personal data
 * (emails, names, phone numbers, addresses, pictures) replaced by `[redacted]`; ids and structure kept.
 */
export function redactForLog(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactForLog);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) || PERSONAL_KEY.test(key) ? REDACTED : redactForLog(inner)]),
  );
}
