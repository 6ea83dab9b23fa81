import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { describeValue, DistinctIds, readId } from './arguments.js';

/**
 * Room members (desired or current), keyed by the lower-cased plain id (ids that differ only in case are the
 * same id), each mapped to the plain id as given or listed.
 */
export type MemberIds = Map<string, string>;

/**
 * Reads the desired ids from an array, any iterable or an async iterable (a database cursor), checking each one
 * as it comes by the id rule (plain or `<appId>_`-prefixed, not given twice in any case). Nothing is sent before
 * this resolves, so a bad id or a source that throws rejects the sync with nothing written.
 */
export async function readDesiredIds(source: unknown, appId: string, argument: string): Promise<MemberIds> {
  if (typeof source === 'string' || !isIterable(source)) {
    throw new EthoraArgumentError(argument, `must be an array or an (async) iterable of user ids, got ${describeValue(source)}`);
  }
  const desired: MemberIds = new Map();
  const seen = new DistinctIds(argument);
  let index = 0;
  for await (const value of source as AsyncIterable<unknown>) {
    const at = `${argument}[${index}]`;
    const id = readId(value, at, appId);
    seen.add(id, index++, at);
    desired.set(id.toLowerCase(), id);
  }
  return desired;
}

function isIterable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}
