import { HttpStatus } from '@nestjs/common';
import { type BulkItemError, isEthoraError } from '../../lib/index.js';

/** What the caller of the sample gets for a library error: a status, a safe message and maybe a Retry-After. */
export interface MappedEthoraError {
  statusCode: number;
  message: string;
  /** Seconds, from Ethora's own `Retry-After` on a 429. */
  retryAfterSeconds?: number;
}

const UPSTREAM_UNAVAILABLE = 'upstream unavailable';

/**
 * Maps an error thrown by the Ethora library to the HTTP answer of this app, or undefined for any other error.
 * Ethora is *our* upstream: its 401/403 mean this server's credentials are wrong, which is a 502 for the caller
 * (never a 401, which would tell the caller to log in again). Messages never carry tokens or request details.
 */
export function mapEthoraError(error: unknown): MappedEthoraError | undefined {
  if (!isEthoraError(error)) return undefined;
  switch (error.code) {
    // The library checks arguments before sending anything; its message names the argument.
    case 'invalid_argument':
      return { statusCode: HttpStatus.BAD_REQUEST, message: error.message };
    // The detail (option, env var) is for the server log, not for callers.
    case 'invalid_config':
      return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'The chat integration is not configured correctly on this server' };
    case 'invalid_token':
      return { statusCode: HttpStatus.UNAUTHORIZED, message: 'Invalid chat token' };
    case 'job_failed':
    case 'job_timeout':
    case 'job_aborted':
      return {
        statusCode: error.code === 'job_timeout' ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY,
        message: `${UPSTREAM_UNAVAILABLE}: an Ethora job did not complete (${error.reason})`,
      };
    // A sync refused before writing anything: the caller's desired list would empty the room. The message holds
    // counts and the option names, no user ids.
    case 'mass_removal_refused':
      return { statusCode: HttpStatus.CONFLICT, message: error.message };
    case 'rate_limited':
      return mapFailure(error.code, error.status, error.serverMessage, error.retryAfterMs);
    default:
      return mapFailure(error.code, error.status, error.serverMessage, undefined);
  }
}

/**
 * Maps one failed entry of a bulk report (`BulkItemError`: the same `code` and `status` an error would have
 * carried), so a per-user failure answers what that user's call would have answered on its own.
 */
export function mapBulkItemError(item: BulkItemError): MappedEthoraError {
  return mapFailure(item.code, item.status, undefined, undefined);
}

function mapFailure(code: string, status: number | undefined, serverMessage: string | undefined, retryAfterMs: number | undefined): MappedEthoraError {
  const said = serverMessage ? `: ${serverMessage}` : '';
  switch (code) {
    case 'not_found':
      return { statusCode: HttpStatus.NOT_FOUND, message: `Not found in Ethora${said}` };
    case 'conflict':
      return { statusCode: HttpStatus.CONFLICT, message: `Already exists in Ethora${said}` };
    case 'bad_request':
    case 'validation_failed':
      return { statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message: `Ethora rejected the request${said}` };
    case 'rate_limited':
      return {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: 'Ethora rate limit reached; retry later',
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      };
    case 'server_error':
      // Ethora's own 503 (overloaded, deploying) is passed on as such: the caller may retry later.
      return { statusCode: status === 503 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, message: UPSTREAM_UNAVAILABLE };
    case 'connection_failed':
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: UPSTREAM_UNAVAILABLE };
    case 'timeout':
      return { statusCode: HttpStatus.GATEWAY_TIMEOUT, message: UPSTREAM_UNAVAILABLE };
    case 'authentication_failed':
    case 'permission_denied':
      return { statusCode: HttpStatus.BAD_GATEWAY, message: `${UPSTREAM_UNAVAILABLE}: Ethora refused this server's credentials` };
    default:
      return { statusCode: HttpStatus.BAD_GATEWAY, message: UPSTREAM_UNAVAILABLE };
  }
}
