import { describe, expect, it } from '@jest/globals';
import { EthoraArgumentError } from '../../lib/errors/index.js';
import { assertId, readId, readIdList, readIdOrIds } from '../../lib/edge/arguments.js';
import { assertPlainJson } from '../../lib/edge/plain-json.js';

const APP = '65a1b2c3d4e5f60718293a4b';

describe('assertId', () => {
  it.each(['a', 'user-1', 'U_2.b', '65a1b2c3d4e5f60718293a4b', 'x'.repeat(256)])('accepts %s', (id) => {
    expect(() => assertId(id, 'userId')).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['x'.repeat(257), 'too long'],
    ['a/b', 'slash'],
    ['a?b', 'question mark'],
    ['a#b', 'hash'],
    ['a..b', 'dot-dot'],
    ['..', 'dot-dot only'],
    ['a\nb', 'newline'],
    ['a\u0000b', 'NUL'],
    ['a b', 'space'],
    ['a@b', 'at sign'],
    ['.a', 'leading dot'],
    ['a.', 'trailing dot'],
  ])('refuses %j (%s), naming the argument', (id) => {
    expect(() => assertId(id, 'userId')).toThrow(EthoraArgumentError);
    expect(() => assertId(id, 'userId')).toThrow(/userId/);
  });

  it.each([[42], [null], [undefined], [{}], [['a']]])('refuses the non-string %p', (value) => {
    expect(() => assertId(value, 'chatId')).toThrow(/Invalid argument chatId: must be a string/);
  });

  it('escapes control characters in the message', () => {
    expect(() => assertId('a\nb', 'userId')).toThrow('a\\nb');
  });
});

describe('readIdList / readIdOrIds', () => {
  it('refuses non-arrays, empty arrays, duplicates and too many', () => {
    expect(() => readIdList('a', 'userIds', { max: 100 })).toThrow(/userIds: must be an array/);
    expect(() => readIdList([], 'userIds', { max: 100 })).toThrow(/userIds: must hold at least one/);
    expect(() => readIdList(['a', 'a'], 'userIds', { max: 100 })).toThrow(/userIds\[1\]: "a" appears twice/);
    expect(() => readIdList(['a', 'b/c'], 'userIds', { max: 100 })).toThrow(/userIds\[1\]/);
    expect(() => readIdList(Array.from({ length: 101 }, (_, i) => `u${i}`), 'userIds', { max: 100 })).toThrow(/at most 100/);
  });

  it('turns one id into a list', () => {
    expect(readIdOrIds('a', 'userIds', APP, 100)).toEqual(['a']);
    expect(readIdOrIds(['a', 'b'], 'userIds', APP, 100)).toEqual(['a', 'b']);
  });

  it('refuses ids that differ only in case as duplicates', () => {
    expect(() => readIdList(['alice', 'Bob', 'ALICE'], 'userIds')).toThrow(/userIds\[2\]: "ALICE" appears twice \(also userIds\[0\]\)/);
  });

  it('names a hole in a sparse array and a null id', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => readIdList(['a', , 'b'], 'userIds')).toThrow(/userIds\[1\]: is a hole/);
    expect(() => readIdList(['a', null], 'userIds')).toThrow(/userIds\[1\]: must be a string, got null/);
  });

  it('strips a leading <appId>_ once, whatever its case, and finds duplicates across both forms', () => {
    expect(readId(`${APP}_alice`, 'userId', APP)).toBe('alice');
    expect(readId(`${APP.toUpperCase()}_alice`, 'userId', APP)).toBe('alice');
    expect(readId(`${APP}_${APP}_alice`, 'userId', APP)).toBe(`${APP}_alice`);
    expect(() => readId(`${APP}_`, 'userId', APP)).not.toThrow();
    expect(() => readId(`${APP}_.x`, 'userId', APP)).toThrow(/userId/);
    expect(() => readIdList(['alice', `${APP}_Alice`], 'userIds', { appId: APP })).toThrow(/userIds\[1\]: "Alice" appears twice/);
  });
});

describe('assertPlainJson', () => {
  it('accepts plain JSON', () => {
    expect(() => assertPlainJson({ a: [1, 'x', true, null, { b: 2 }], c: Object.create(null) }, 'userData')).not.toThrow();
  });

  it.each([
    ['a BigInt', { n: 1n }, 'userData.n'],
    ['a function', { f: () => 1 }, 'userData.f'],
    ['a symbol', { s: Symbol('x') }, 'userData.s'],
    ['NaN', { n: Number.NaN }, 'userData.n'],
    ['a Date', { d: new Date(0) }, 'userData.d'],
    ['a Map', { m: new Map() }, 'userData.m'],
    ['undefined in an array', { l: [1, undefined] }, 'userData.l[1]'],
    // eslint-disable-next-line no-sparse-arrays
    ['a hole', { l: [1, , 2] }, 'userData.l[1]'],
  ])('refuses %s, naming the field', (_label, value, argument) => {
    expect(() => assertPlainJson(value, 'userData')).toThrow(new RegExp(`^Invalid argument ${argument.replace(/[[\]]/g, '\\$&')}: `));
  });

  it('refuses a cycle', () => {
    const meta: Record<string, unknown> = { a: 1 };
    meta.self = meta;
    expect(() => assertPlainJson({ meta }, 'userData')).toThrow(/userData\.meta\.self: refers back/);
  });
});
