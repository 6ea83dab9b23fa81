import type { BulkItemError, BulkOptions } from './ethora-bulk.interface.js';
import type { CreateChatRoomData } from './ethora-rooms.interface.js';

/**
 * The desired members of a room: user ids (plain or `<appId>_`-prefixed) in an array, any other iterable, or
 * an async iterable, so an app can stream 100,000 ids from its database. Ids that differ only in case are
 * the same id; giving one twice is refused.
 */
export type DesiredUserIds = Iterable<string> | AsyncIterable<string>;

/** Options of `syncRoomMembers`. `concurrency` and `onProgress` (over all grants and removals) as on the bulk calls. */
export interface SyncRoomMembersOptions extends BulkOptions {
  /** Read and plan only: the report carries the plan, and nothing is written. Default false. */
  dryRun?: boolean;
  /** Remove members that are not in the desired list. Default true; false only adds. */
  removeExtra?: boolean;
  /**
   * The largest share (0–1) of the room's current members a sync may remove without `allowMassRemoval`.
   * Default 0.5.
   */
  maxRemovalShare?: number;
  /**
   * Allow a sync that removes more than `maxRemovalShare` of the room, or every member of it. Default false:
   * such a sync rejects with `EthoraMassRemovalError` before anything is written (an empty list from a
   * broken query must not empty a room).
   */
  allowMassRemoval?: boolean;
}

/** Options of `syncWorkspace`: those of `syncRoomMembers`, plus the room to create when it is missing. */
export interface SyncWorkspaceOptions extends SyncRoomMembersOptions {
  /** Passed to `createChatRoom` when the room does not exist yet (title, type, description, ...). */
  roomData?: CreateChatRoomData;
}

/** What a sync would do, computed from the room's members as read and the desired list. */
export interface RoomMembersPlan {
  chatId: string;
  /** `<appId>_<chatId>`. */
  chatName: string;
  /** Distinct desired ids. */
  desired: number;
  /** Members the room had when it was read (the configured chatbot is left alone and not counted). */
  current: number;
  /** Desired ids that are not members yet, in the order given. */
  toAdd: string[];
  /** Members that are not desired and will be removed (empty when `removeExtra` is false). */
  toRemove: string[];
  /** Desired ids that are members already. */
  unchanged: number;
  /** Members that are not desired, removed or not (`removeExtra`). */
  extra: number;
  /** `toRemove.length / current` (0 for an empty room). */
  removalShare: number;
  /** True when the guard refuses this plan: a real run rejects with `EthoraMassRemovalError`. */
  refused: boolean;
}

/** A member a sync could not add or remove, with the reason. */
export interface SyncMemberFailure {
  userId: string;
  change: 'add' | 'remove';
  error: BulkItemError;
}

/**
 * The result of `syncRoomMembers`. `ok` when every planned change was made (for a dry run: when the plan
 * would be allowed). A run that was cut short or had failures can simply be run again.
 */
export interface SyncRoomMembersReport {
  ok: boolean;
  dryRun: boolean;
  chatId: string;
  chatName: string;
  plan: RoomMembersPlan;
  /** Users granted access by this run (empty in a dry run). */
  added: string[];
  /** Members removed by this run (empty in a dry run). */
  removed: string[];
  /** Desired users that were members already. */
  unchanged: number;
  failed: SyncMemberFailure[];
}

/** The result of `syncWorkspace`: the member sync plus the room and the users it created. */
export interface SyncWorkspaceReport extends SyncRoomMembersReport {
  /** `missing` only in a dry run, for a room a real run would create. */
  room: { status: 'exists' | 'created' | 'missing' | 'failed'; error?: BulkItemError };
  /** Users this run created in Ethora (users that existed already are not listed). */
  created: string[];
}
