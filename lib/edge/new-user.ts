import { randomBytes } from 'node:crypto';
import { ETHORA_LIMITS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { CreateUserData, EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { assertOptionalObject, readId } from './arguments.js';
import { assertPlainJsonFields } from './plain-json.js';

const DEFAULT_FIRST_NAME = 'Chat';
const DEFAULT_LAST_NAME = 'User';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Builds the batch entry for one user, checking every field before anything is sent (`argument` prefixes the
 * field names in errors, e.g. `users[3].email`). Ethora refuses names under 2 characters, so a 1-character
 * name is padded with "." ("Q" → "Q.") and a missing one defaults ("Chat" / "User"): onboarding a real person
 * called "Q" should not fail. The default email is derived from the ids, so every retry sends the same user.
 * Fields beyond the known ones are sent as given, once checked to be plain JSON.
 */
export function buildNewUser(userIdArgument: unknown, data: unknown, appId: string, argument = 'userData'): EthoraNewUser {
  const userId = readId(userIdArgument, argument === 'userData' ? 'userId' : `${argument}.userId`, appId);
  assertOptionalObject(data, argument);
  const { firstName, lastName, displayName, email, password, uuid, ...extra } = (data ?? {}) as CreateUserData;
  if (uuid !== undefined && readId(uuid, `${argument}.uuid`, appId).toLowerCase() !== userId.toLowerCase()) {
    throw new EthoraArgumentError(`${argument}.uuid`, 'must be left out or equal the userId (users are keyed by it)');
  }
  assertPlainJsonFields(extra, argument);
  const [displayFirst, displayLast] = splitDisplayName(optionalText(displayName, `${argument}.displayName`));
  return {
    ...extra,
    uuid: userId,
    email: optionalEmail(email, `${argument}.email`) ?? `${userId}@${appId}.example.com`,
    firstName: padName(optionalText(firstName, `${argument}.firstName`) ?? displayFirst ?? DEFAULT_FIRST_NAME),
    lastName: padName(optionalText(lastName, `${argument}.lastName`) ?? displayLast ?? DEFAULT_LAST_NAME),
    password: optionalText(password, `${argument}.password`) ?? randomBytes(24).toString('base64url'),
  };
}

function splitDisplayName(displayName: string | undefined): [string | undefined, string | undefined] {
  if (!displayName) return [undefined, undefined];
  const space = displayName.indexOf(' ');
  if (space < 0) return [displayName, undefined];
  return [displayName.slice(0, space), displayName.slice(space + 1).trim() || undefined];
}

/** Pads a 1-character name with "." to Ethora's 2-character minimum ("Q" → "Q."). */
export function padName(name: string): string {
  return name.length >= ETHORA_LIMITS.nameMinLength ? name : name.padEnd(ETHORA_LIMITS.nameMinLength, '.');
}

/** A trimmed string, or undefined when absent or blank; any other type is refused, naming `argument`. */
export function optionalText(value: unknown, argument: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EthoraArgumentError(argument, `must be a string, got ${typeof value}`);
  return value.trim() || undefined;
}

function optionalEmail(value: unknown, argument: string): string | undefined {
  const email = optionalText(value, argument);
  if (email !== undefined && !EMAIL.test(email)) throw new EthoraArgumentError(argument, 'is not an email address');
  return email;
}
