import type { EthoraAppScope } from '../contract/app-scope.js';
import type { MemberIds } from '../edge/desired-ids.js';
import { readId } from '../edge/arguments.js';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { isEthoraApiError } from '../errors/ethora-api.error.js';
import type { EthoraLog } from '../logging/ethora-log.js';
import { paginate } from '../paging/paginate.js';
import type { EthoraUsers } from '../users/ethora-users.js';

/**
 * Reads every member of a room, a page of 500 (Ethora's largest) at a time, into a map from member key
 * (lower-cased plain id) to the plain id as Ethora lists it. Only the ids are kept, never the user objects. A
 * missing room rejects with `EthoraNotFoundError` (see `undefinedWhenRoomMissing`). Members whose id the
 * library cannot address are left out with a warning: they could not be removed anyway.
 */
export async function readRoomMembers(users: EthoraUsers, scope: EthoraAppScope, chatId: string, log: EthoraLog): Promise<MemberIds> {
  const members: MemberIds = new Map();
  const fetchPage = (offset: number, limit: number) => users.roomMembers(scope, chatId, limit, offset);
  for await (const member of paginate(fetchPage, { pageSize: ETHORA_LIMITS.pageSize })) {
    const id = listedMemberId(scope.appId, member);
    if (id !== undefined) members.set(id.toLowerCase(), id);
    else log.warn(`A member of room ${chatId} has no id the library can address; it is left as it is`);
  }
  return members;
}

/** The plain id of a member as a room's member list shows it; undefined when the library cannot address it. */
export function listedMemberId(appId: string, member: { xmppUsername?: unknown; uuid?: unknown }): string | undefined {
  // Ethora lists users with their `xmppUsername` (`<appId>_<userId>`) and, usually, the plain `uuid`.
  return memberIdOf(appId, typeof member.xmppUsername === 'string' ? member.xmppUsername : member.uuid);
}

/**
 * The plain id of a member reference (a plain id, `<appId>_<id>`, or a JID whose local part is one of these),
 * by "Ids: the one rule"; undefined when it breaks the rule.
 */
export function memberIdOf(appId: string, reference: unknown): string | undefined {
  if (typeof reference !== 'string') return undefined;
  try {
    return readId(reference.split('@')[0], 'member', appId);
  } catch {
    return undefined;
  }
}

/** For `.catch()`: a missing room becomes `undefined`, any other failure rejects as it was. */
export function undefinedWhenRoomMissing(error: unknown): undefined {
  if (isEthoraApiError(error) && error.code === 'not_found') return undefined;
  throw error;
}
