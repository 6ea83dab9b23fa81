import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { buildNewUser } from '../users/new-user.js';
import { assertId, assertOptionalObject, assertPositiveInteger, describeValue } from '../validation/arguments.js';
import type { BulkOptions } from './ethora-bulk.interface.js';

/** Chunks worked on at once when `concurrency` is not given: 8 keeps 1,000 users to two waves of round trips, still a light load. */
const DEFAULT_BULK_CONCURRENCY = 8;

/** Bulk options with defaults applied. */
export interface ResolvedBulkOptions {
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Checks and builds every user of a bulk create before anything is sent: each entry must be an object with a
 * valid `userId`, fields as `createUser` takes them, and no id may appear twice in the whole list.
 * Errors name the entry, e.g. `users[7].userId`.
 */
export function prepareBulkUsers(users: unknown, appId: string, argument = 'users'): EthoraNewUser[] {
  if (!Array.isArray(users)) throw new EthoraArgumentError(argument, `must be an array of users, got ${describeValue(users)}`);
  if (users.length === 0) throw new EthoraArgumentError(argument, 'must hold at least one user');
  const firstIndex = new Map<string, number>();
  return users.map((user: unknown, index) => {
    const entry = `${argument}[${index}]`;
    if (typeof user !== 'object' || user === null || Array.isArray(user)) {
      throw new EthoraArgumentError(entry, `must be an object with a userId, got ${describeValue(user)}`);
    }
    const { userId, ...data } = user as Record<string, unknown>;
    const built = buildNewUser(userId, data, appId, entry);
    const seen = firstIndex.get(built.uuid);
    if (seen !== undefined) throw new EthoraArgumentError(`${entry}.userId`, `"${built.uuid}" appears twice (also ${argument}[${seen}])`);
    firstIndex.set(built.uuid, index);
    return built;
  });
}

/**
 * Checks a list of user ids of any length (it is chunked): a non-empty array of valid ids, none twice.
 * An empty list is refused like everywhere else: it is almost always a caller's bug, not a no-op.
 */
export function assertBulkIds(value: unknown, argument: string): asserts value is string[] {
  if (!Array.isArray(value)) throw new EthoraArgumentError(argument, `must be an array of ids, got ${describeValue(value)}`);
  if (value.length === 0) throw new EthoraArgumentError(argument, 'must hold at least one id');
  const firstIndex = new Map<string, number>();
  value.forEach((id: unknown, index) => {
    assertId(id, `${argument}[${index}]`);
    const seen = firstIndex.get(id);
    if (seen !== undefined) throw new EthoraArgumentError(`${argument}[${index}]`, `"${id}" appears twice (also ${argument}[${seen}])`);
    firstIndex.set(id, index);
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
