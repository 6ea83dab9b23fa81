import { describe, expect, it } from '@jest/globals';
import { mapWithConcurrency } from '../../lib/bulk/bounded-concurrency.js';
import { prepareBulkUsers, resolveBulkOptions } from '../../lib/edge/bulk-input.js';
import { readIdList } from '../../lib/edge/arguments.js';
import { toBulkItemError } from '../../lib/bulk/bulk-report.js';
import { chunk } from '../../lib/bulk/chunk.js';
import { EthoraArgumentError, EthoraServerError } from '../../lib/errors/index.js';

const APP_ID = '65a1b2c3d4e5f60718293a4b';
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('chunk', () => {
  it('splits into slices of at most `size`, remembering where each starts', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([
      { start: 0, items: [1, 2] },
      { start: 2, items: [3, 4] },
      { start: 4, items: [5] },
    ]);
    expect(chunk([], 100)).toEqual([]);
    expect(chunk(Array.from({ length: 1000 }), 100)).toHaveLength(10);
  });

  it('refuses a size below 1', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps at most `limit` calls in progress and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await mapWithConcurrency(Array.from({ length: 20 }, (_, i) => i), 3, async (n) => {
      started.push(n);
      peak = Math.max(peak, ++inFlight);
      await tick(n % 3 === 0 ? 6 : 2);
      inFlight--;
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(started).toEqual([...started].sort((a, b) => a - b));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
  });

  it('starts no further item after a rejection and rejects once the running calls settled', async () => {
    const settled: number[] = [];
    const error = await mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (n) => {
      await tick(n === 1 ? 1 : 5);
      if (n === 1) throw new Error('boom');
      settled.push(n);
      return n;
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('boom');
    expect(settled).toEqual([0]); // 0 was running and finished; 2..5 never started
  });

  it('handles an empty list and refuses a bad limit', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});

describe('bulk input checks', () => {
  it('builds every user and names the entry of a bad one', () => {
    const built = prepareBulkUsers([{ userId: 'a' }, { userId: 'b', firstName: 'Bea' }], APP_ID);
    expect(built.map((u) => [u.uuid, u.firstName])).toEqual([['a', 'Chat'], ['b', 'Bea']]);
    expect(() => prepareBulkUsers([{ userId: 'a' }, { userId: 'b/c' }], APP_ID)).toThrow(/users\[1\]\.userId/);
    expect(() => prepareBulkUsers([{ userId: 'a', email: 'nope' }], APP_ID)).toThrow(/users\[0\]\.email/);
    expect(() => prepareBulkUsers([null], APP_ID)).toThrow(/users\[0\]/);
    expect(() => prepareBulkUsers('a', APP_ID)).toThrow(EthoraArgumentError);
  });

  it('finds a duplicate anywhere in the list, naming both entries', () => {
    const users = Array.from({ length: 250 }, (_, i) => ({ userId: `u${i}` }));
    users.push({ userId: 'u3' });
    const error = (() => {
      try {
        prepareBulkUsers(users, APP_ID);
      } catch (e) {
        return e as EthoraArgumentError;
      }
    })();
    expect(error).toBeInstanceOf(EthoraArgumentError);
    expect(error?.argument).toBe('users[250].userId');
    expect(error?.message).toMatch(/"u3" appears twice \(also users\[3\]\)/);
  });

  it('checks id lists of any length', () => {
    expect(() => readIdList(Array.from({ length: 1000 }, (_, i) => `u${i}`), 'userIds')).not.toThrow();
    expect(() => readIdList([], 'userIds')).toThrow(/userIds: must hold at least one id/);
    expect(() => readIdList(['a', 'a'], 'userIds')).toThrow(/userIds\[1\]/);
    expect(() => readIdList(['a', ''], 'userIds')).toThrow(/userIds\[1\]/);
    expect(() => readIdList('a', 'userIds')).toThrow(/userIds/);
  });

  it('defaults concurrency to 8 and checks the options', () => {
    expect(resolveBulkOptions(undefined).concurrency).toBe(8);
    expect(() => resolveBulkOptions({ concurrency: 0 })).toThrow(/options\.concurrency/);
    expect(() => resolveBulkOptions({ concurrency: 1.5 })).toThrow(/options\.concurrency/);
    expect(() => resolveBulkOptions({ onProgress: 'x' })).toThrow(/options\.onProgress/);
    expect(() => resolveBulkOptions([])).toThrow(/options/);
  });
});

describe('toBulkItemError', () => {
  it('keeps code, message, status, server code and request id of an API error, and nothing else', () => {
    const apiError = new EthoraServerError({
      message: 'Ethora POST /v2/chats/users-access failed with 503',
      method: 'POST',
      path: '/v2/chats/users-access',
      status: 503,
      serverCode: 'SERVICE_UNAVAILABLE',
      requestId: 'r-1',
      attempts: 3,
      response: { status: 503, statusText: 'x', headers: { 'set-cookie': 'secret' }, data: {} },
    });
    expect(toBulkItemError(apiError)).toEqual({
      code: 'server_error',
      message: 'Ethora POST /v2/chats/users-access failed with 503',
      status: 503,
      serverCode: 'SERVICE_UNAVAILABLE',
      requestId: 'r-1',
    });
    expect(toBulkItemError(new Error('plain'))).toEqual({ code: 'unknown_error', message: 'plain' });
    expect(toBulkItemError('odd')).toEqual({ code: 'unknown_error', message: 'odd' });
  });
});
