/** What an Ethora error body says, whatever its shape (a string, `{ error }`, `{ message }`, `{ code, ... }`). */
export interface ErrorBodySummary {
  serverCode?: string;
  serverMessage?: string;
  requestId?: string;
}

/** Reads `message || error || msg || reason`, `code` and `requestId` from any error body (ethora-api.md §5). */
export function readErrorBody(data: unknown): ErrorBodySummary {
  if (typeof data === 'string') return { serverMessage: data.trim() || undefined };
  if (typeof data !== 'object' || data === null) return {};
  const body = data as Record<string, unknown>;
  const text = [body.message, body.error, body.msg, body.reason].find((v) => typeof v === 'string' && v.trim());
  return {
    serverCode: typeof body.code === 'string' ? body.code : undefined,
    serverMessage: text as string | undefined,
    requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
  };
}

/** True when an error body says the thing is missing ("not found", `NOT_FOUND`, `USER_NOT_FOUND`, ...). */
export function saysNotFound(summary: ErrorBodySummary): boolean {
  return /not[\s_-]?found/i.test(`${summary.serverCode ?? ''} ${summary.serverMessage ?? ''}`);
}

/** True when an error body says the thing exists already ("already exists", `ALREADY_EXISTS`, ...). */
export function saysAlreadyExists(summary: ErrorBodySummary): boolean {
  return /already[\s_-]?exist/i.test(`${summary.serverCode ?? ''} ${summary.serverMessage ?? ''}`);
}
