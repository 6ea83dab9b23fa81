import { isEthoraApiError } from '../errors/ethora-api.error.js';
import type { EthoraHttpClient, EthoraRequest } from './ethora-http.client.js';
import type { EthoraRoute } from './ethora-routes.js';

/**
 * Sends a delete and turns Ethora's "not found" (a 404, or a 422 that says so) into `{ ok: false, reason }`,
 * so deleting twice, or retrying a delete whose answer was lost, is not an error (nor an error log line).
 * Other failures still throw.
 */
export async function okOrNotFound<R extends string>(
  http: EthoraHttpClient,
  route: EthoraRoute,
  request: EthoraRequest,
  reason: R,
): Promise<{ ok: true } | { ok: false; reason: R }> {
  try {
    await http.send(route, { ...request, handled: ['not_found'] });
    return { ok: true };
  } catch (error) {
    if (isEthoraApiError(error) && error.code === 'not_found') return { ok: false, reason };
    throw error;
  }
}
