import { describe, expect, it } from '@jest/globals';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
const optionalPeers = new Set(Object.keys(manifest.peerDependenciesMeta ?? {}).filter((name) => manifest.peerDependenciesMeta[name].optional));

function importsOf(dir: string): { file: string; pkg: string }[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      // `from '…'`, a side-effect `import '…'` and a dynamic `import('…')`, but not a call like `Buffer.from('…')`.
      [...readFileSync(join(root, dir, file), 'utf8').matchAll(/(?:\bfrom\s+|^\s*import\s+|\bimport\(\s*)['"]([^'"]+)['"]/gm)]
        .map(([, specifier]) => specifier)
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
        .map((specifier) => ({
          file: join(dir, file),
          pkg: specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0],
        })),
    );
}

describe('package manifest', () => {
  const imports = importsOf('lib');

  it('declares every package lib/ imports as a dependency or peer', () => {
    expect(new Set(imports.map(({ pkg }) => pkg))).toEqual(
      new Set(['@nestjs/common', '@nestjs/config', '@nestjs/axios', '@nestjs/jwt', '@nestjs/terminus', '@opentelemetry/api', 'axios', 'bullmq']),
    );
    expect(imports.filter(({ pkg }) => !declared.has(pkg)).map(({ file, pkg }) => `${file}: ${pkg}`)).toEqual([]);
  });

  it('imports optional peers only behind their own entry point', () => {
    // @opentelemetry/api is the exception: the transport uses it, through one guarded dynamic import() (and type imports).
    const entryOf: Record<string, string> = {
      '@nestjs/terminus': join('lib', 'terminus'),
      bullmq: join('lib', 'bullmq'),
      '@opentelemetry/api': join('lib', 'observability'),
    };
    const leaks = imports.filter(({ file, pkg }) => optionalPeers.has(pkg) && !file.startsWith(entryOf[pkg] ?? '\0'));
    expect(leaks.map(({ file, pkg }) => `${file}: ${pkg}`)).toEqual([]);
  });

  it('ships dist only, with an exports map that has types, under Apache-2.0', () => {
    expect(manifest).toMatchObject({ name: 'nestjs-ethora-chat', license: 'Apache-2.0', type: 'module', files: ['dist'] });
    for (const entry of ['.', './testing', './terminus', './bullmq']) expect(manifest.exports[entry]).toHaveProperty('types');
    expect(manifest.exports['./package.json']).toBe('./package.json');
  });

  it('says where the code, the docs and the issues live', () => {
    const repo = 'https://github.com/nestjs-ethora/nestjs-ethora-chat';
    expect(manifest).toMatchObject({ repository: { type: 'git', url: `git+${repo}.git` }, homepage: `${repo}#readme`, bugs: { url: `${repo}/issues` } });
  });

  it('states the node floor and the peer majors that are tested', () => {
    expect(manifest.engines.node).toBe('>=20.19');
    // Nest 11 and 12: test/packaging/nest11-and-nest12-apps.spec.ts boots an app on each.
    expect(manifest.peerDependencies).toMatchObject({
      '@nestjs/common': '^11.0.0 || ^12.0.0',
      '@nestjs/core': '^11.0.0 || ^12.0.0',
      '@nestjs/config': '^4.0.0 || ^12.0.0',
    });
  });
});
