import { inspect } from 'node:util';

/** Every rendering of an error a user or a log pipeline might produce, down the `cause` chain. */
export function renderErrorChain(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const e = current as Error;
    out.push(String(e.message), String(e.stack), safeJson(e), inspect(e, { depth: 10, showHidden: true }));
    current = e.cause;
  }
  return out;
}

/** The labels of the secrets found in `haystack` (each secret: label → value). */
export function leakedSecrets(haystack: string, secrets: ReadonlyMap<string, string>): string[] {
  const leaks: string[] = [];
  for (const [label, value] of secrets) {
    if (value.length < 8) throw new Error(`secret ${label} is too short to scan for reliably`);
    if (haystack.includes(value)) leaks.push(label);
  }
  return leaks;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `JSON.stringify threw: ${(error as Error).message}`;
  }
}
