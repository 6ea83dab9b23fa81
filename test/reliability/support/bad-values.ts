/** Values no id argument may take, each with a label for the test report. */
export const BAD_IDS: ReadonlyArray<readonly [string, unknown]> = [
  ['empty', ''],
  ['blank', ' \t '],
  ['longer than 256 characters', 'a'.repeat(257)],
  ['with "/"', 'a/b'],
  ['a "../" traversal', '../v1/ping'],
  ['with "?"', 'a?limit=500'],
  ['with "#"', 'a#b'],
  ['".."', '..'],
  ['with ".." inside', 'a..b'],
  ['with a NUL', 'a\u0000b'],
  ['with a newline (log forging)', 'a\nERROR forged'],
  ['with a bell', 'a\u0007'],
  ['with DEL', 'a\u007f'],
  ['with "@"', 'a@b'],
  ['percent-encoded', 'a%2Fb'],
  ['with a space', 'a b'],
  ['ending in "."', 'a.'],
  ['starting with "-"', '-a'],
  ['non-ASCII', 'usér'],
  ['a number', 42],
  ['a boolean', true],
  ['null', null],
  ['undefined', undefined],
  ['an object', { id: 'a' }],
];

/** Values no app id argument may take (`undefined` is allowed: it means the configured app). */
export function badAppIds(goodAppId: string): ReadonlyArray<readonly [string, unknown]> {
  return [
    ['empty', ''],
    ['blank', '   '],
    ['23 hex characters', goodAppId.slice(0, 23)],
    ['25 hex characters', `${goodAppId}0`],
    ['24 non-hex characters', 'z'.repeat(24)],
    ['longer than 256 characters', 'a'.repeat(257)],
    ['with "/"', `${goodAppId.slice(0, 23)}/`],
    ['a "../" traversal', `../${goodAppId}`],
    ['with "?"', `${goodAppId}?x=1`],
    ['with "#"', `${goodAppId}#`],
    ['with a control character', `${goodAppId.slice(0, 23)}\n`],
    ['a number', 42],
    ['null', null],
    ['an object', { appId: goodAppId }],
  ];
}

/** `count` distinct valid ids. */
export const ids = (count: number, prefix = 'id'): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
