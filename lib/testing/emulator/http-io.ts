import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { EmulatorHttpError } from './http-error.js';

/** Low-level request reading and response writing. @internal */

export interface RawBody {
  buffer: Buffer;
  tooLarge: boolean;
}

/** Reads the whole body (always drained, so keep-alive sockets stay usable); rejects if the client aborts. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      } else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ buffer: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

/** Outcome of parsing a body: the value to hand to routes, what to log, and an error to answer with. */
export interface ParsedBody {
  value: unknown;
  logged: unknown;
  error?: EmulatorHttpError;
}

/** Parses a JSON body like an express `json()` parser would, but loudly: 415 for non-JSON, 400 for bad JSON. */
export function parseJsonBody(raw: RawBody, contentType: string | undefined): ParsedBody {
  if (raw.tooLarge) return { value: undefined, logged: '[too large]', error: new EmulatorHttpError(413, 'PAYLOAD_TOO_LARGE', 'request body too large') };
  if (raw.buffer.length === 0) return { value: undefined, logged: undefined };
  const text = raw.buffer.toString('utf8');
  if (!contentType || !/[/+]json\b/i.test(contentType)) {
    return { value: undefined, logged: text.slice(0, 1000), error: new EmulatorHttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send JSON bodies with Content-Type: application/json') };
  }
  try {
    const value: unknown = JSON.parse(text);
    return { value, logged: value };
  } catch {
    return { value: undefined, logged: text.slice(0, 1000), error: new EmulatorHttpError(400, 'INVALID_JSON', 'the request body is not valid JSON') };
  }
}

/** Writes a JSON (or, for a string, text) answer with the request id header. */
export function send(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> | undefined = {}): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof body === 'string';
  const payload = isText ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    'x-request-id': requestId,
    ...headers,
  });
  res.end(payload);
}

/**
 * The answer for a thrown error, shaped as the v1 OpenAPI documents (ethora-api.md §7.4):
 * `{ success: false, error, code, details?, requestId }`, with `message` repeating `error` for clients that
 * read that; or the plain message for the string bodies some v1 routes send.
 */
export function errorAnswer(err: unknown, requestId: string): { status: number; body: unknown; headers?: Record<string, string> } {
  if (err instanceof EmulatorHttpError) {
    if (err.text) return { status: err.status, body: err.message, headers: err.headers };
    return { status: err.status, body: errorBody(err.code, err.message, requestId, err.details), headers: err.headers };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: errorBody('INTERNAL_ERROR', `emulator error: ${message}`, requestId) };
}

/** One error body shape for every JSON error the emulator sends. */
export function errorBody(code: string, message: string, requestId: string, details?: Record<string, unknown>): Record<string, unknown> {
  return { success: false, error: message, ...details, code, message, requestId };
}

/** A short machine code for an injected status. */
export function faultCode(status: number): string {
  if (status === 429) return 'TOO_MANY_REQUESTS';
  return (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** The reason phrase, used as a plain-text fault body. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
