import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { assertId, describeValue } from '../validation/arguments.js';
import { memberKey, plainMemberId } from './member-ids.js';

/**
 * Reads the desired ids from an array, any iterable or an async iterable (a database cursor), checking each
 * one as it comes: a valid id, plain or `<appId>_`-prefixed, and not given twice (case-insensitively).
 * Resolves to a map from member key to the plain id as given. Nothing is sent before this resolves, so a
 * bad id or a source that throws rejects the sync with nothing written.
 */
export async function readDesiredIds(source: unknown, appId: string, argument: string): Promise<Map<string, string>> {
  if (typeof source === 'string' || !isIterable(source)) {
    throw new EthoraArgumentError(argument, `must be an array or an (async) iterable of user ids, got ${describeValue(source)}`);
  }
  const desired = new Map<string, string>();
  let index = 0;
  for await (const id of source as AsyncIterable<unknown>) {
    const entry = `${argument}[${index++}]`;
    assertId(id, entry);
    const plain = plainMemberId(appId, id);
    if (plain !== id) assertId(plain, entry);
    const key = memberKey(plain);
    const earlier = desired.get(key);
    if (earlier !== undefined) throw new EthoraArgumentError(entry, `"${id}" is the same id as "${earlier}", given earlier (ids ignore case)`);
    desired.set(key, plain);
  }
  return desired;
}

function isIterable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}
