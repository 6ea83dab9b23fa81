/** Room types Ethora knows. */
export type EthoraRoomType = 'group' | 'public';

/** What `createChatRoom` may set. The room's uuid is always its `chatId`. */
export interface CreateChatRoomData {
  /** Default: the chatId. */
  title?: string;
  description?: string;
  /** Default `group`. */
  type?: EthoraRoomType;
  picture?: string;
  /** User ids (plain or `<appId>_`-prefixed) to add as members. */
  members?: string[];
  /** Accepted only when equal to the chatId. */
  uuid?: string;
}

/** A room as Ethora answers a create (`result`); fields beyond these are kept as sent. */
export interface EthoraChatRoom {
  name: string;
  title?: string;
  type?: string;
  [field: string]: unknown;
}

/**
 * The result of `createChatRoom`. `exists` when a room with that chatId was already there (a 422 "already
 * exists", for instance on a retry): creating is idempotent. `result` is the server's `result` on `created`.
 */
export type CreateChatRoomResult =
  | { status: 'created'; name: string; result: EthoraChatRoom }
  | { status: 'exists'; name: string };

/** The result of `deleteChatRoom`. `ok: false` with a reason when Ethora says the room does not exist. */
export type DeleteChatRoomResult = { ok: true } | { ok: false; reason: 'Chat room not found' };

/** What `updateChatRoom` may change; at least one field. */
export interface UpdateChatRoomData {
  title?: string;
  description?: string;
}
