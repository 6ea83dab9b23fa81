import { describe, expect, it } from '@jest/globals';
import { paginate } from '../../lib/paging/paginate.js';
import { readList, readPage, unwrap } from '../../lib/paging/read-page.js';

/** A list of `total` numbers served page by page, recording each fetch. */
function source(total: number) {
  const calls: Array<[number, number]> = [];
  const fetchPage = async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
  };
  return { calls, fetchPage };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  it('walks every page and stops after a short page', async () => {
    const { calls, fetchPage } = source(25);
    expect(await collect(paginate(fetchPage, { pageSize: 10 }))).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(calls).toEqual([[0, 10], [10, 10], [20, 10]]);
  });

  it('asks for one more (empty) page when the list ends on a page boundary', async () => {
    const { calls, fetchPage } = source(20);
    expect(await collect(paginate(fetchPage, { pageSize: 10 }))).toHaveLength(20);
    expect(calls).toEqual([[0, 10], [10, 10], [20, 10]]);
  });

  it('starts at the given offset', async () => {
    const { calls, fetchPage } = source(5);
    expect(await collect(paginate(fetchPage, { pageSize: 2, offset: 3 }))).toEqual([3, 4]);
    expect(calls).toEqual([[3, 2], [5, 2]]);
  });

  it('fetches lazily: the next page only when the consumer wants more, none after a break', async () => {
    const { calls, fetchPage } = source(1_000);
    const iterator = paginate(fetchPage, { pageSize: 10 });
    expect(calls).toEqual([]);
    let seen = 0;
    for await (const item of iterator) {
      seen++;
      if (item === 14) break;
    }
    expect(seen).toBe(15);
    expect(calls).toEqual([[0, 10], [10, 10]]);
  });

  it('holds one page at a time (memory stays bounded on a long list)', async () => {
    let live = 0;
    let peak = 0;
    const fetchPage = async (offset: number, limit: number) => {
      live = limit;
      peak = Math.max(peak, live);
      return offset >= 5_000 ? [] : Array.from({ length: limit }, (_, i) => offset + i);
    };
    let count = 0;
    for await (const _item of paginate(fetchPage, { pageSize: 50 })) count++;
    expect(count).toBe(5_000);
    expect(peak).toBe(50);
  });

  it('advances by what came when a server sends more than asked', async () => {
    const calls: number[] = [];
    const fetchPage = async (offset: number) => {
      calls.push(offset);
      return offset === 0 ? [1, 2, 3] : [];
    };
    expect(await collect(paginate(fetchPage, { pageSize: 2 }))).toEqual([1, 2, 3]);
    expect(calls).toEqual([0, 3]);
  });

  it('passes a fetch failure to the consumer', async () => {
    const fetchPage = async (offset: number) => {
      if (offset > 0) throw new Error('boom');
      return [1, 2];
    };
    await expect(collect(paginate(fetchPage, { pageSize: 2 }))).rejects.toThrow('boom');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses pageSize %p', async (pageSize) => {
    await expect(collect(paginate(async () => [], { pageSize }))).rejects.toThrow(RangeError);
  });
});

describe('readPage / readList / unwrap', () => {
  it('reads the list under the first key that holds an array and keeps the raw answer', () => {
    const raw = { users: [{ a: 1 }], results: 'not a list' };
    expect(readPage(raw, ['results', 'users'], 10, 20)).toEqual({ items: [{ a: 1 }], limit: 10, offset: 20, raw });
  });

  it('takes a bare array, and treats anything else as an empty list', () => {
    expect(readList([1, 2], ['results'])).toEqual([1, 2]);
    expect(readList({ other: [1] }, ['results'])).toEqual([]);
    expect(readList('text', ['results'])).toEqual([]);
    expect(readList(null, ['results'])).toEqual([]);
  });

  it('unwraps { key: {...} } and leaves a bare object alone', () => {
    expect(unwrap({ app: { _id: 'x' } }, 'app')).toEqual({ _id: 'x' });
    expect(unwrap({ _id: 'x' }, 'app')).toEqual({ _id: 'x' });
  });
});
