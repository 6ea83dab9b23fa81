/** How many characters of a server's text an error message or log line quotes. */
export const EXCERPT_CHARS = 200;

const MARK = '[redacted]';

/**
 * A server's text made safe to quote: the library's own secrets replaced by `[redacted]` (a gateway may echo
 * the Authorization header back), control characters escaped (so a body cannot forge log lines or send
 * terminal escapes) and cut to `max` characters. Scrubbing comes first, so a cut cannot leave half a token.
 */
export function excerpt(text: string, secrets: readonly string[] = [], max = EXCERPT_CHARS): string {
  // Scrub a bounded head only: a 30 KB page is never copied whole.
  let head = scrubSecrets(text.length > max * 4 + 4096 ? text.slice(0, max * 4 + 4096) : text, secrets);
  head = head.replace(/\s+/g, ' ').trim();
  const cut = head.length > max ? `${head.slice(0, max)}…` : head;
  return escapeControl(cut);
}

/** Replaces every occurrence of each secret (ignoring empty ones) with `[redacted]`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.split(secret).join(MARK);
  return out;
}

/**
 * A deep copy of a server answer with the secrets scrubbed from every string (keys included), or the value
 * itself when it holds none of them: the common case costs one JSON scan.
 */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return scrubSecrets(value, secrets) as T;
  if (typeof value !== 'object' || value === null) return value;
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return value;
  }
  if (!secrets.some((secret) => secret && json.includes(secret))) return value;
  return JSON.parse(scrubSecrets(json, secrets)) as T;
}

// C0 controls (newline, escape, ...), DEL, C1 controls and the Unicode line/paragraph separators.
function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
