import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The emulator is a second, independent reading of the contract (docs/architecture): it and its bin
 * import only `node:` modules and their own files, never the library's runtime (key derivation,
 * naming, redaction). If they shared code, a bug there would pass every test on both sides.
 */
const root = process.cwd();
const allowedDirs = ['lib/testing/emulator', 'lib/testing/bin'].map((d) => join(root, d));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier of static imports, re-exports and dynamic imports. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1] as string);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push(m[1] as string);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] as string);
  return found;
}

describe('the emulator imports nothing from the library', () => {
  const files = allowedDirs.flatMap(sourceFiles);

  it('finds the emulator sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(root, f)]))('%s imports only node: modules and emulator files', (file) => {
    const outside = specifiers(readFileSync(join(root, file), 'utf8')).filter((spec) => {
      if (spec.startsWith('node:')) return false;
      if (!spec.startsWith('.')) return true; // a package, e.g. @nestjs/jwt or jsonwebtoken
      const target = resolve(dirname(join(root, file)), spec);
      return !allowedDirs.some((dir) => target.startsWith(`${dir}/`));
    });
    expect(outside).toEqual([]);
  });

  it('catches an import that climbs out (self-check of the scan)', () => {
    expect(specifiers("import { deriveSigningKey } from '../../tokens/signing-key.js';\nexport { x } from './y.js';")).toEqual([
      '../../tokens/signing-key.js',
      './y.js',
    ]);
  });
});
