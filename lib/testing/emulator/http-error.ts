/**
 * An error a route throws to answer with a status. `text` answers with a plain-string body
 * (as the real v1 deletes sometimes do); otherwise the body is JSON, shaped as in ethora-api.md §7.4.
 * @internal
 */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly text?: boolean,
    /** Extra response headers, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'EmulatorHttpError';
  }
}

/** 422 VALIDATION_ERROR. @internal */
export function validationError(message: string, details?: Record<string, unknown>): EmulatorHttpError {
  return new EmulatorHttpError(422, 'VALIDATION_ERROR', message, details);
}

/** 404 with a specific code. @internal */
export function notFound(code: string, message: string): EmulatorHttpError {
  return new EmulatorHttpError(404, code, message);
}

/** 422 "not found" in the shape the v1 deletes use: a string or JSON, per the emulator option. @internal */
export function unprocessableNotFound(message: string, shape: 'string' | 'json'): EmulatorHttpError {
  return new EmulatorHttpError(422, 'NOT_FOUND', message, undefined, shape === 'string');
}

/** 401 with a code such as TOKEN_EXPIRED. @internal */
export function unauthorized(code: string, message: string): EmulatorHttpError {
  return new EmulatorHttpError(401, code, message);
}
