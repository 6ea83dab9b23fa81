import type { EthoraNames } from '../contract/ethora-names.js';
import type { EthoraUserFilter } from '../interfaces/ethora-user-directory.interface.js';
import { readId } from './arguments.js';
import { assertObject, assertOptionalBoolean, pageOf } from './request-arguments.js';

/** The checked query of `GET /v2/chats/users`: filters in the form Ethora reads, plus paging. */
export interface UserListQuery {
  chatName?: string;
  xmppUsername?: string;
  userId?: string;
  limit: number;
  offset: number;
}

/** The checked query of `GET /v2/apps/{appId}/users/{userId}/chats`. */
export interface UserChatsQuery {
  limit: number;
  offset: number;
  includeMembers?: boolean;
}

/** Checks the filters of `getUsers` / `iterateUsers` and turns them into the query Ethora reads (prefixed names). */
export function readUserFilter(names: EthoraNames, filter: unknown, argument: string): Omit<UserListQuery, 'limit' | 'offset'> {
  if (filter === undefined) return {};
  assertObject(filter, argument);
  const { chatName, xmppUsername, userId } = filter as EthoraUserFilter;
  return {
    ...(chatName !== undefined && { chatName: names.chatName(readId(chatName, `${argument}.chatName`, names.appId), false) }),
    ...(xmppUsername !== undefined && { xmppUsername: names.xmppUsername(readId(xmppUsername, `${argument}.xmppUsername`, names.appId)) }),
    ...(userId !== undefined && { userId: readId(userId, `${argument}.userId`, names.appId) }),
  };
}

/** Checks `getUsers`' options: filters plus `limit` / `offset`. */
export function readUserListQuery(names: EthoraNames, options: unknown): UserListQuery {
  return { ...readUserFilter(names, options, 'options'), ...pageOf(options) };
}

/** Checks `includeMembers` (a boolean when given). */
export function readIncludeMembers(options: unknown): boolean | undefined {
  const includeMembers = (options as { includeMembers?: unknown } | undefined)?.includeMembers;
  assertOptionalBoolean(includeMembers, 'options.includeMembers');
  return includeMembers;
}

/** Checks `getUserChats`' options: paging plus `includeMembers`. */
export function readUserChatsQuery(options: unknown): UserChatsQuery {
  const page = pageOf(options);
  const includeMembers = readIncludeMembers(options);
  return { ...page, ...(includeMembers !== undefined && { includeMembers }) };
}
