import { isEthoraApiError } from '../errors/ethora-api.error.js';

/**
 * Awaits a delete and turns Ethora's "not found" (a 404, or a 422 that says so) into `{ ok: false, reason }`,
 * so deleting twice, or retrying a delete whose answer was lost, is not an error. Other failures still throw.
 */
export async function okOrNotFound<R extends string>(call: Promise<unknown>, reason: R): Promise<{ ok: true; result: unknown } | { ok: false; reason: R }> {
  try {
    return { ok: true, result: await call };
  } catch (error) {
    if (isEthoraApiError(error) && error.code === 'not_found') return { ok: false, reason };
    throw error;
  }
}
