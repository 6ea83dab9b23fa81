import { describe, expect, it } from '@jest/globals';
import { EthoraArgumentError } from '../../lib/errors/index.js';
import { assertId, assertIdList, idOrIds } from '../../lib/validation/arguments.js';

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

describe('assertIdList / idOrIds', () => {
  it('refuses non-arrays, empty arrays, duplicates and too many', () => {
    expect(() => assertIdList('a', 'userIds', 100)).toThrow(/userIds: must be an array/);
    expect(() => assertIdList([], 'userIds', 100)).toThrow(/userIds: must hold at least one/);
    expect(() => assertIdList(['a', 'a'], 'userIds', 100)).toThrow(/userIds\[1\]: "a" appears twice/);
    expect(() => assertIdList(['a', 'b/c'], 'userIds', 100)).toThrow(/userIds\[1\]/);
    expect(() => assertIdList(Array.from({ length: 101 }, (_, i) => `u${i}`), 'userIds', 100)).toThrow(/at most 100/);
  });

  it('turns one id into a list', () => {
    expect(idOrIds('a', 'userIds', 100)).toEqual(['a']);
    expect(idOrIds(['a', 'b'], 'userIds', 100)).toEqual(['a', 'b']);
  });
});
