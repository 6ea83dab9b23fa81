/**
 * Small readers of what axios hands back, shared by the error mapping and the transport, so both read the
 * same header and recognise the same failure the same way.
 */

/** A response header as text (axios lower-cases the names), or `undefined` when absent or not a string. */
export function headerText(headers: unknown, name: string): string | undefined {
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

// Axios' own message when a body grows past `maxContentLength` (counted after decompression).
const TOO_LARGE = /^maxContentLength size of \d+ exceeded/;

/** True when axios stopped reading because the body went over `maxResponseBytes`. */
export function isBodyTooLarge(error: { message?: unknown }): boolean {
  return typeof error.message === 'string' && TOO_LARGE.test(error.message);
}
