import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { buildNewUser } from './new-user.js';
import { assertOptionalObject, assertPositiveInteger, describeValue, DistinctIds } from './arguments.js';
import { assertArray } from './request-arguments.js';
import type { BulkOptions } from '../interfaces/ethora-bulk.interface.js';

/** Chunks worked on at once when `concurrency` is not given: 8 keeps 1,000 users to two waves of round trips, still a light load. */
const DEFAULT_BULK_CONCURRENCY = 8;

/** Bulk options with defaults applied. */
export interface ResolvedBulkOptions {
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Checks and builds every user of a bulk create before anything is sent: each entry must be an object with a
 * valid `userId`, fields as `createUser` takes them, and no id may appear twice (in any case) in the whole list.
 * Errors name the entry, e.g. `users[7].userId`.
 */
export function prepareBulkUsers(users: unknown, appId: string, argument = 'users'): EthoraNewUser[] {
  assertArray(users, argument);
  const seen = new DistinctIds(argument);
  return users.map((user: unknown, index) => {
    const entry = `${argument}[${index}]`;
    if (typeof user !== 'object' || user === null || Array.isArray(user)) {
      throw new EthoraArgumentError(entry, `must be an object with a userId, got ${describeValue(user)}`);
    }
    const { userId, ...data } = user as Record<string, unknown>;
    const built = buildNewUser(userId, data, appId, entry);
    seen.add(built.uuid, index, `${entry}.userId`);
    return built;
  });
}

/** Checks `concurrency` and `onProgress` and applies the default concurrency. */
export function resolveBulkOptions(options: unknown, argument = 'options'): ResolvedBulkOptions {
  assertOptionalObject(options, argument);
  const { concurrency = DEFAULT_BULK_CONCURRENCY, onProgress } = (options ?? {}) as BulkOptions;
  assertPositiveInteger(concurrency, `${argument}.concurrency`);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new EthoraArgumentError(`${argument}.onProgress`, `must be a function when given, got ${describeValue(onProgress)}`);
  }
  return { concurrency, onProgress };
}
