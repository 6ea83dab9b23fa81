import type { EthoraPageOptions } from './ethora-paging.interface.js';

/** One entry of `updateUsers`: the user and the fields to change (others are left as they are). */
export interface UpdateUserData {
  /** The user id, plain or `<appId>_`-prefixed (sent as the prefixed `xmppUsername`). */
  userId: string;
  /** 2+ characters; a 1-character name is padded with ".", as on create. */
  firstName?: string;
  /** 2+ characters; a 1-character name is padded with ".", as on create. */
  lastName?: string;
  username?: string;
  profileImage?: string;
}

/**
 * The outcome of updating one user. `updated`, `not-found` and `skipped` (nothing changed) come from Ethora;
 * `failed` means the request carrying this user failed (`error` says why); `missing` means Ethora's answer
 * did not mention the user.
 */
export interface UpdateUserResult {
  userId: string;
  xmppUsername: string;
  status: 'updated' | 'not-found' | 'skipped' | 'failed' | 'missing' | (string & {});
  /** Why the request carrying this user failed (status `failed` only). */
  error?: Error;
}

/** Filters of `getUsers` / `iterateUsers`; given filters combine (AND). */
export interface EthoraUserFilter {
  /** Users of this room: a chat id or `<appId>_<chatId>` (the prefix is added when missing). */
  chatName?: string;
  /** One user by XMPP username: a user id or `<appId>_<userId>` (the prefix is added when missing). */
  xmppUsername?: string;
  /** One user by plain id. */
  userId?: string;
}

/** Arguments of `getUsers`: filters plus paging. */
export interface GetUsersOptions extends EthoraUserFilter, EthoraPageOptions {}

/** A user as `GET /v2/chats/users` lists it; fields beyond these are kept as sent. */
export interface EthoraChatUser {
  xmppUsername?: string;
  uuid?: string;
  firstName?: string;
  lastName?: string;
  [field: string]: unknown;
}

/** Arguments of `getUserChats` / `iterateUserChats`. */
export interface GetUserChatsOptions extends EthoraPageOptions {
  /** Ask Ethora to include each room's members. Default false. */
  includeMembers?: boolean;
}
