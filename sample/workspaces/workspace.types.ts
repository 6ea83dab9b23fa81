import type { EthoraChatRoom } from '../../lib/index.js';

/** What the sample's endpoints answer. */

export interface WorkspaceCreated {
  workspaceId: string;
  /** `created`, or `exists` when the room was already there (creating is idempotent). */
  status: 'created' | 'exists';
  /** `<appId>_<workspaceId>`: the room name Ethora uses. */
  chatName: string;
  /** `<appId>_<workspaceId>@conference.<xmppHost>`: the room JID a chat client joins. */
  roomJid: string;
}

export interface WorkspaceUserAdded {
  workspaceId: string;
  userId: string;
  /** `created`, or `exists` when the user was already there. */
  status: string;
  xmppUsername?: string;
  access: 'granted';
}

export interface ClientTokenMinted {
  userId: string;
  token: string;
  /** ISO time the token expires. */
  expiresAt: string;
}

export interface UserChatsPage {
  userId: string;
  /** The rooms as Ethora lists them (`name`, `title`, `type`, and `members` when asked for). */
  chats: EthoraChatRoom[];
  limit: number;
  offset: number;
}

export interface WorkspaceCleanedUp {
  workspaceId: string;
  /** `not_found` when Ethora has no such room (the controller answers 404). */
  room: 'deleted' | 'not_found';
  /** `deleted` (some or all of the listed users existed), `not_found` (none did) or `none_listed`. */
  users: 'deleted' | 'not_found' | 'none_listed';
}

/** One user that could not be onboarded, with the HTTP status and message it would have answered alone. */
export interface OnboardingFailure {
  userId: string;
  statusCode: number;
  message: string;
}

export interface WorkspaceOnboarded {
  workspaceId: string;
  room: 'created' | 'exists';
  users: { requested: number; created: number; existing: number; granted: number; failed: OnboardingFailure[] };
}
