import type { UpdateUserData } from '../interfaces/ethora-user-directory.interface.js';
import type { EthoraNames } from '../contract/ethora-names.js';
import { DistinctIds, readId } from './arguments.js';
import { assertArray, assertObject } from './request-arguments.js';
import { optionalText, padName } from './new-user.js';

/** One entry of `PATCH /v2/chats/users`, as sent. */
export interface UserUpdateEntry {
  xmppUsername: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  profileImage?: string;
}

/** A checked update: the caller's userId and the entry to send for it. */
export interface PendingUserUpdate {
  userId: string;
  entry: UserUpdateEntry;
}

/**
 * Checks every entry of `updateUsers` before anything is sent (errors name `users[i].field`) and builds the
 * wire entries: `userId` becomes the prefixed `xmppUsername`, names are trimmed and padded as on create, blank
 * optional fields are left out. A user listed twice is refused: results are matched back by xmppUsername.
 */
export function buildUserUpdates(users: unknown, names: EthoraNames): PendingUserUpdate[] {
  assertArray(users, 'users');
  const seen = new DistinctIds('users');
  const pending: PendingUserUpdate[] = [];
  for (let index = 0; index < users.length; index++) {
    const at = `users[${index}]`;
    const entry = users[index];
    assertObject(entry, at);
    const { userId: given, firstName, lastName, username, profileImage } = entry as Partial<UpdateUserData>;
    const userId = readId(given, `${at}.userId`, names.appId);
    seen.add(userId, index, `${at}.userId`);
    const xmppUsername = names.xmppUsername(userId);
    const first = optionalText(firstName, `${at}.firstName`);
    const last = optionalText(lastName, `${at}.lastName`);
    const nick = optionalText(username, `${at}.username`);
    const image = optionalText(profileImage, `${at}.profileImage`);
    const update: UserUpdateEntry = {
      xmppUsername,
      ...(first !== undefined && { firstName: padName(first) }),
      ...(last !== undefined && { lastName: padName(last) }),
      ...(nick !== undefined && { username: nick }),
      ...(image !== undefined && { profileImage: image }),
    };
    pending.push({ userId, entry: update });
  }
  return pending;
}
