import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// `npm test` builds first; like test/packaging, these tests check the built package (dist/).
const root = process.cwd();
const hide = join(root, 'test/observability/fixtures/hide-opentelemetry.mjs');

function runNode(args: string[]): string {
  return execFileSync(process.execPath, ['--import', hide, ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

/** Every .d.ts an app's compiler reads from the package's entry points, following relative imports. */
function reachableDeclarations(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = entries.map((entry) => join(root, entry));
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      todo.push(resolve(dirname(file), (specifier as string).replace(/\.js$/, '.d.ts')));
    }
  }
  return seen;
}

describe('@opentelemetry/api is an optional peer', () => {
  it('is really hidden by the fixture', () => {
    const output = runNode(['--input-type=module', '-e', "await import('@opentelemetry/api').then(() => console.log('found'), (e) => console.log(e.code))"]);
    expect(output.trim()).toBe('ERR_MODULE_NOT_FOUND');
    const loaded = runNode(['--input-type=module', '-e', "const m = await import('./dist/observability/open-telemetry.js'); console.log(await m.openTelemetryLoaded)"]);
    expect(loaded.trim()).toBe('false');
  });

  it.each([['../packaging/fixtures/esm-app.mjs', 'esm-room'], ['../packaging/fixtures/cjs-app.cjs', 'cjs-room']])(
    '%s boots and calls Ethora without it',
    (fixture, room) => {
      const output = runNode([join(root, 'test/observability', fixture)]);
      expect(JSON.parse(output.trim())).toEqual({ status: 'created', name: `65a1b2c3d4e5f60718293a4b_${room}` });
    },
  );

  it('no type declaration an app compiles against imports it', () => {
    const files = reachableDeclarations(['dist/index.d.ts', 'dist/testing/index.d.ts', 'dist/terminus/index.d.ts']);
    expect(files.size).toBeGreaterThan(20);
    const offenders = [...files].filter((file) => /from ['"]@opentelemetry\/api['"]|import\(['"]@opentelemetry\/api['"]\)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
