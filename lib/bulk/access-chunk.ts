import type { EthoraAppScope } from '../contract/app-scope.js';
import type { AccessChange, EthoraRooms } from '../rooms/ethora-rooms.js';
import { toBulkItemError } from './bulk-report.js';
import type { BulkItemError } from '../interfaces/ethora-bulk.interface.js';

/**
 * Grants or removes access for one chunk (≤ 100 members, already checked) with one call. Resolves `undefined`
 * on success and the error (as a report entry) when the call failed after the HTTP client's retries; never rejects.
 */
export async function sendAccessChunk(
  rooms: EthoraRooms,
  scope: EthoraAppScope,
  change: AccessChange,
  chatId: string,
  members: readonly string[],
): Promise<BulkItemError | undefined> {
  try {
    await rooms.sendAccess(scope, change, chatId, members);
    return undefined;
  } catch (error) {
    return toBulkItemError(error);
  }
}
