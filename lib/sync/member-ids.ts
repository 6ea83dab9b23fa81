/**
 * Member ids as "Ids: the one rule" (docs/decisions.md) has them: an id that starts with `<appId>_` (app id
 * compared case-insensitively) is the prefixed form of the rest, and ids that differ only in case are the
 * same id. Pure: no I/O.
 */

/** The plain id of `reference` (a plain id, `<appId>_<id>`, or a JID whose local part is one of these). */
export function plainMemberId(appId: string, reference: string): string {
  const at = reference.indexOf('@');
  const local = at === -1 ? reference : reference.slice(0, at);
  const prefixLength = appId.length + 1;
  const prefixed = local.length > prefixLength && local.slice(0, prefixLength).toLowerCase() === `${appId.toLowerCase()}_`;
  return prefixed ? local.slice(prefixLength) : local;
}

/** The key two ids share when they are the same id: XMPP folds local parts to lower case. */
export function memberKey(plainId: string): string {
  return plainId.toLowerCase();
}
