import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { SyncRoomMembersOptions } from '../interfaces/ethora-sync.interface.js';
import { describeValue } from './arguments.js';
import { resolveBulkOptions, type ResolvedBulkOptions } from './bulk-input.js';
import { assertOptionalBoolean } from './request-arguments.js';

/** Half the room: removing more than that in one sync is far more often a broken query than a real change. */
const DEFAULT_MAX_REMOVAL_SHARE = 0.5;

/** Sync options with defaults applied. */
export interface ResolvedSyncOptions extends ResolvedBulkOptions {
  dryRun: boolean;
  removeExtra: boolean;
  maxRemovalShare: number;
  allowMassRemoval: boolean;
}

/** Checks the options of `syncRoomMembers` / `syncWorkspace` (errors name `options.<field>`) and applies the defaults. */
export function resolveSyncOptions(options: unknown): ResolvedSyncOptions {
  const bulk = resolveBulkOptions(options);
  const {
    dryRun = false,
    removeExtra = true,
    maxRemovalShare = DEFAULT_MAX_REMOVAL_SHARE,
    allowMassRemoval = false,
  } = (options ?? {}) as SyncRoomMembersOptions;
  assertOptionalBoolean(dryRun, 'options.dryRun');
  assertOptionalBoolean(removeExtra, 'options.removeExtra');
  assertOptionalBoolean(allowMassRemoval, 'options.allowMassRemoval');
  if (typeof maxRemovalShare !== 'number' || !(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
    throw new EthoraArgumentError('options.maxRemovalShare', `must be a number from 0 to 1, got ${describeValue(maxRemovalShare)}`);
  }
  return { ...bulk, dryRun, removeExtra, maxRemovalShare, allowMassRemoval };
}
