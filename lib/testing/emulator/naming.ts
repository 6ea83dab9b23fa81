import { validationError } from './http-error.js';

/**
 * Ethora naming (ethora-api.md §3, §7.7) and the one id rule of docs/decisions.md ("Ids: the one rule"),
 * written here from those texts, not imported from the library:
 * - users are `<appId>_<userId>`, rooms `<appId>_<chatId>`, room JIDs `<appId>_<chatId>@conference.<xmppHost>`;
 * - a plain id is 1–256 characters of letters, digits, `_`, `-`, `.`; it starts with a letter or digit,
 *   does not end with `.` and holds no `..`;
 * - an id that carries this app's `<appId>_` prefix (app id compared case-insensitively) is the prefixed
 *   form of the rest, and a doubled prefix collapses, as the real server does since May 2026;
 * - ids that differ only in case are the same id (stores fold case; see {@link idKey}).
 */

const MAX_ID_LENGTH = 256;
const ID_ALPHABET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** Any 24-hex ObjectId followed by `_`: an id prefixed with some app id. */
const ANY_APP_PREFIX = /^[0-9a-f]{24}_/i;

/** `<appId>_<id>`. @internal */
export function prefixed(appId: string, id: string): string {
  return `${appId}_${id}`;
}

/** Room JID. @internal */
export function roomJid(appId: string, chatId: string, xmppHost: string): string {
  return `${appId}_${chatId}@conference.${xmppHost}`;
}

/** The key users and rooms are stored under: identity is case-insensitive (§7.7). @internal */
export function idKey(id: string): string {
  return id.toLowerCase();
}

/** The id without this app's prefix, a doubled prefix collapsed. @internal */
export function withoutAppPrefix(appId: string, id: string): string {
  const prefix = `${appId}_`.toLowerCase();
  let rest = id;
  for (let i = 0; i < 2 && rest.toLowerCase().startsWith(prefix); i++) rest = rest.slice(prefix.length);
  return rest;
}

/** Why a plain id breaks the rule, or undefined when it is fine. @internal */
export function idProblem(id: string): string | undefined {
  if (id.length === 0) return 'must not be empty';
  if (id.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters`;
  if (!ID_ALPHABET.test(id)) return 'may hold only letters, digits, "_", "-" and "." and must start with a letter or digit';
  if (id.endsWith('.') || id.includes('..')) return 'must not end with "." or hold ".."';
  return undefined;
}

/**
 * Reads a plain id the caller chooses (user `uuid`, room `uuid`): strips this app's prefix (once or
 * twice) and checks the rest against the rule; 422 naming the field otherwise.
 * @internal
 */
export function assertPlainId(appId: string, id: unknown, field: string): string {
  if (typeof id !== 'string') throw validationError(`${field} is required and must be a string`, { [field]: 'required string' });
  const plain = withoutAppPrefix(appId, id);
  const problem = idProblem(plain);
  if (problem) throw validationError(`${field} ${problem}: ${JSON.stringify(id.slice(0, 300))}`, { [field]: problem });
  return plain;
}

/**
 * Resolves a member reference to a plain user id: `<appId>_<userId>` (documented), a plain `<userId>`
 * (tolerated), or a full JID (the domain is ignored: a client may derive another XMPP host). A prefix
 * of another app is refused.
 * @internal
 */
export function resolveMember(appId: string, raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length === 0) throw validationError(`${field} must be a non-empty string`, { [field]: 'non-empty string' });
  const local = raw.includes('@') ? raw.slice(0, raw.indexOf('@')) : raw;
  const plain = withoutAppPrefix(appId, local);
  if (plain === local && ANY_APP_PREFIX.test(local)) throw validationError(`${field} is prefixed with another app id: ${JSON.stringify(raw)}`, { [field]: 'other app' });
  if (!plain) throw validationError(`${field} has an empty user id: ${JSON.stringify(raw)}`, { [field]: 'empty id' });
  return plain;
}

/**
 * Resolves a room name or an xmppUsername (`<appId>_<id>`, its JID, or the plain id, tolerated) to a
 * plain id; undefined when it names another app's room or user (callers answer "not found").
 * @internal
 */
export function resolveLocalName(appId: string, raw: unknown, field: string): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0) throw validationError(`${field} is required and must be a non-empty string`, { [field]: 'required string' });
  const local = raw.includes('@') ? raw.slice(0, raw.indexOf('@')) : raw;
  const plain = withoutAppPrefix(appId, local);
  if (plain === local && ANY_APP_PREFIX.test(local)) return undefined;
  return plain || undefined;
}
