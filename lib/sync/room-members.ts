import type { EthoraAppScope } from '../apps/ethora-app-scopes.js';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { isEthoraApiError } from '../errors/ethora-api.error.js';
import type { EthoraChatUser } from '../interfaces/ethora-user-directory.interface.js';
import type { EthoraLog } from '../logging/ethora-log.js';
import { paginate } from '../paging/paginate.js';
import type { EthoraUsers } from '../users/ethora-users.js';
import { assertId } from '../validation/arguments.js';
import { memberKey, plainMemberId } from './member-ids.js';

/**
 * Reads every member of a room, a page of 500 (Ethora's largest) at a time, into a map from member key to
 * plain id as Ethora lists it. Only the ids are kept, never the user objects. A missing room rejects with
 * `EthoraNotFoundError` (see `undefinedWhenRoomMissing`). Members whose id the library cannot address (outside the id alphabet) are left out
 * with a warning: they could not be removed anyway.
 */
export async function readRoomMembers(
  users: EthoraUsers,
  scope: EthoraAppScope,
  chatId: string,
  log: EthoraLog,
): Promise<Map<string, string>> {
  const members = new Map<string, string>();
  const fetchPage = (offset: number, limit: number) => users.roomMembers(scope, chatId, limit, offset);
  for await (const member of paginate(fetchPage, { pageSize: ETHORA_LIMITS.pageSize })) {
    const id = memberId(scope.appId, member);
    if (id !== undefined) members.set(memberKey(id), id);
    else log.warn(`A member of room ${chatId} has no id the library can address; it is left as it is`);
  }
  return members;
}

/** For `.catch()`: a missing room becomes `undefined`, any other failure rejects as it was. */
export function undefinedWhenRoomMissing(error: unknown): undefined {
  if (isEthoraApiError(error) && error.code === 'not_found') return undefined;
  throw error;
}

// Ethora lists users with their `xmppUsername` (`<appId>_<userId>`) and, usually, the plain `uuid`.
function memberId(appId: string, member: EthoraChatUser): string | undefined {
  const reference = typeof member.xmppUsername === 'string' ? member.xmppUsername : member.uuid;
  if (typeof reference !== 'string') return undefined;
  const id = plainMemberId(appId, reference);
  try {
    assertId(id, 'member');
    return id;
  } catch {
    return undefined;
  }
}
