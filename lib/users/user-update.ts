import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { UpdateUserData } from '../interfaces/ethora-user-directory.interface.js';
import type { EthoraNames } from '../contract/ethora-names.js';
import { assertId } from '../validation/arguments.js';
import { assertArray, assertObject } from '../validation/request-arguments.js';
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
  const seen = new Set<string>();
  return users.map((entry, index) => {
    const at = `users[${index}]`;
    assertObject(entry, at);
    const { userId, firstName, lastName, username, profileImage } = entry as Partial<UpdateUserData>;
    assertId(userId, `${at}.userId`);
    const xmppUsername = names.xmppUsername(userId);
    if (seen.has(xmppUsername)) throw new EthoraArgumentError(`${at}.userId`, `"${userId}" appears twice`);
    seen.add(xmppUsername);
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
    return { userId, entry: update };
  });
}
