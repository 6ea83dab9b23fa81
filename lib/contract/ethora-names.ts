/**
 * Ethora's naming rules (ethora-api.md §3) for one app. Pure: no I/O.
 * Prefixing is idempotent: an id that already starts with `<appId>_` is left alone, because a double
 * prefix (`<appId>_<appId>_x`) once broke chat creation.
 */
export class EthoraNames {
  private readonly prefix: string;

  constructor(
    readonly appId: string,
    private readonly xmppHost: string,
  ) {
    this.prefix = `${appId}_`;
  }

  /** `<appId>_<id>`, the form of room short names and XMPP usernames. */
  prefixed(id: string): string {
    return id.startsWith(this.prefix) ? id : this.prefix + id;
  }

  /** `<appId>_<chatId>@conference.<xmppHost>`, or the short `<appId>_<chatId>` when `full` is false. */
  chatName(chatId: string, full = true): string {
    const short = this.prefixed(chatId);
    return full ? `${short}@conference.${this.xmppHost}` : short;
  }

  /** The XMPP username of a user, or the local part of a JID such as the chatbot's. */
  xmppUsername(userIdOrJid: string): string {
    return this.prefixed(userIdOrJid.split('@')[0]);
  }
}
