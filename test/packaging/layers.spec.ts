import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

const LIB = join(process.cwd(), 'lib');

/** Every relative import in lib/, as [importing folder, imported folder] under lib/. */
function folderImports(): Array<{ file: string; from: string; to: string }> {
  return readdirSync(LIB, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('testing'))
    .flatMap((file) =>
      [...readFileSync(join(LIB, file), 'utf8').matchAll(/from '(\.[^']+)'/g)].map(([, specifier]) => ({
        file,
        from: dirname(file).split('/')[0] as string,
        to: relative(LIB, join(LIB, dirname(file), specifier as string)).split('/')[0] as string,
      })),
    );
}

// The bottom layers, and what each may import (docs/decisions.md, "Edge checks and layers").
const ALLOWED: Record<string, string[]> = {
  contract: ['contract'],
  errors: ['errors', 'contract'],
  interfaces: ['interfaces', 'contract'],
  edge: ['edge', 'errors', 'contract', 'interfaces', 'ethora-chat.constants.js'],
  users: ['users', 'contract', 'errors', 'edge', 'interfaces', 'http', 'jobs', 'paging', 'ethora-chat.constants.js'],
  rooms: ['rooms', 'contract', 'errors', 'edge', 'interfaces', 'http', 'paging', 'ethora-chat.constants.js'],
  messages: ['messages', 'interfaces', 'http', 'paging'],
};

describe('the import graph', () => {
  it.each(Object.entries(ALLOWED))('%s/ imports only from the layers below it', (folder, allowed) => {
    const upward = folderImports().filter(({ from, to }) => from === folder && !allowed.includes(to));
    expect(upward.map(({ file, to }) => `${file} -> ${to}`)).toEqual([]);
  });

  it('bulk/, sync/, users/ and rooms/ never reach into apps/ or the Nest face', () => {
    const upward = folderImports().filter(
      ({ from, to }) => ['bulk', 'sync', 'users', 'rooms'].includes(from) && ['apps', 'chat-api', 'ethora-chat.service.js', 'ethora-chat.module.js'].includes(to),
    );
    expect(upward).toEqual([]);
  });
});
