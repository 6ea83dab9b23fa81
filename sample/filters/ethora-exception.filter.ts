import { type ArgumentsHost, Catch, type HttpServer, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { mapEthoraError } from './ethora-error-mapping.js';

/** Standard reason phrases for the statuses the mapping produces (the `error` field of the body). */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Turns errors of the Ethora library into JSON answers `{ statusCode, error, message }` (see `mapEthoraError`).
 * Everything else (Nest's HttpExceptions, e.g. validation 400s, and unknown errors) goes to Nest's default
 * handling, which answers in the same shape.
 */
@Catch()
export class EthoraExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('EthoraExceptionFilter');

  constructor(private readonly httpAdapter: HttpServer) {
    super(httpAdapter);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const mapped = mapEthoraError(exception);
    if (!mapped) return super.catch(exception, host);

    // The library's messages are safe to log (no tokens, no headers): they name the call and Ethora's answer.
    const detail = exception instanceof Error ? exception.message : String(exception);
    if (mapped.statusCode >= 500) this.logger.error(`${mapped.statusCode} ← ${detail}`);
    else this.logger.warn(`${mapped.statusCode} ← ${detail}`);

    const response = host.switchToHttp().getResponse<unknown>();
    if (mapped.retryAfterSeconds !== undefined) this.httpAdapter.setHeader(response, 'Retry-After', String(mapped.retryAfterSeconds));
    const body = { statusCode: mapped.statusCode, error: REASONS[mapped.statusCode] ?? 'Error', message: mapped.message };
    this.httpAdapter.reply(response, body, mapped.statusCode);
  }
}
