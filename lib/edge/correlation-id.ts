import { EthoraArgumentError } from '../errors/ethora-argument.error.js';

const MAX_LENGTH = 200;
// Visible ASCII only: the id goes into a header and into log lines as is.
const SAFE_ID = /^[\x21-\x7e]+$/;

/**
 * Checks a caller's correlation id (`runWithEthoraRequestId`): 1–200 visible ASCII characters.
 * @throws EthoraArgumentError otherwise.
 */
export function readCorrelationId(value: unknown, argument = 'requestId'): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !SAFE_ID.test(value)) {
    throw new EthoraArgumentError(argument, `must be 1–${MAX_LENGTH} visible ASCII characters (it is sent as a header)`);
  }
  return value;
}
