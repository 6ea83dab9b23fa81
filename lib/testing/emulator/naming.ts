import { validationError } from './http-error.js';

/**
 * Ethora naming (ethora-api.md §3): users are `<appId>_<userId>`, rooms `<appId>_<chatId>`,
 * room JIDs `<appId>_<chatId>@conference.<xmppHost>`. Prefixing twice (`<appId>_<appId>_x`) is the
 * known past bug the library must never produce, so every entry point rejects it with a 422.
 */

/** XMPP localparts forbid these (RFC 7622); ids end up in localparts, so the server cannot take them. */
const FORBIDDEN_ID_CHARS = /[\s"&'/:<>@]/;
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

/**
 * Validates a plain id the caller chooses (user `uuid`, room `uuid`). An id that already carries
 * this app's prefix would produce a double prefix, so it is refused.
 * @internal
 */
export function assertPlainId(appId: string, id: unknown, field: string): string {
  if (typeof id !== 'string' || id.length === 0) throw validationError(`${field} is required and must be a non-empty string`);
  if (id.length > 200) throw validationError(`${field} must be at most 200 characters`);
  if (FORBIDDEN_ID_CHARS.test(id)) throw validationError(`${field} contains characters not allowed in an XMPP name: ${JSON.stringify(id)}`);
  if (id.startsWith(`${appId}_`)) throw doublePrefix(field, `${appId}_${id}`);
  return id;
}

/**
 * Resolves a member reference to a plain user id. Accepts `<appId>_<userId>` (documented),
 * a plain `<userId>` (the server tolerates it), and a full JID (the domain is ignored, because the
 * library may derive a different XMPP host than the emulator's). Rejects a double prefix and a
 * prefix of another app.
 * @internal
 */
export function resolveMember(appId: string, raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length === 0) throw validationError(`${field} must be a non-empty string`);
  const local = raw.includes('@') ? raw.slice(0, raw.indexOf('@')) : raw;
  const own = `${appId}_`;
  if (local.startsWith(own)) {
    const rest = local.slice(own.length);
    if (rest.startsWith(own)) throw doublePrefix(field, raw);
    if (!rest) throw validationError(`${field} has an empty user id: ${JSON.stringify(raw)}`);
    return rest;
  }
  if (ANY_APP_PREFIX.test(local)) throw validationError(`${field} is prefixed with another app id: ${JSON.stringify(raw)}`);
  return local;
}

/**
 * Resolves `<appId>_<chatId>` (or its JID) to a chat id; undefined when it does not carry this
 * app's prefix (the room then cannot exist: callers answer "not found").
 * @internal
 */
export function resolveChatName(appId: string, raw: unknown, field: string): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0) throw validationError(`${field} is required and must be a non-empty string`);
  const local = raw.includes('@') ? raw.slice(0, raw.indexOf('@')) : raw;
  const own = `${appId}_`;
  if (!local.startsWith(own)) return undefined;
  const rest = local.slice(own.length);
  if (rest.startsWith(own)) throw doublePrefix(field, raw);
  return rest || undefined;
}

/**
 * Resolves an `xmppUsername` (strictly prefixed, as documented) to a user id; undefined when it is
 * not this app's prefixed form (the user is then reported as not found).
 * @internal
 */
export function resolveXmppUsername(appId: string, raw: unknown, field: string): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0) throw validationError(`${field} is required and must be a non-empty string`);
  const own = `${appId}_`;
  if (!raw.startsWith(own)) return undefined;
  const rest = raw.slice(own.length);
  if (rest.startsWith(own)) throw doublePrefix(field, raw);
  return rest || undefined;
}

function doublePrefix(field: string, value: string) {
  return validationError(`${field} is prefixed with the app id twice: ${JSON.stringify(value)}`, { reason: 'DOUBLE_APP_PREFIX' });
}
