import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { docBlocks, FRESH_APP_COMPILER_OPTIONS } from '../docs/readme-blocks.js';

// The packed tarball, installed with npm (which enforces our peer ranges) into a Nest 11 CommonJS app and a
// Nest 12 ESM app, each booting forRootAsync + ConfigService against the emulator; the Nest 12 app also runs
// the README's quick start and its test with the README's jest setup, as written. The apps' own packages come
// from the registry once and are cached under .tmp/ (keyed by their manifest), so only the first run is slow.
// Packs the dist/ that `npm test` built first: building here would race the other packaging tests.

const root = process.cwd();
const cacheDir = join(root, '.tmp', 'packaging-apps');
const fixtures = join(root, 'test', 'packaging', 'fixtures');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface AppKind {
  name: string;
  type: 'commonjs' | 'module';
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
  entry: string;
  room: string;
}

const apps: AppKind[] = [
  {
    name: 'nest11-cjs',
    type: 'commonjs',
    dependencies: { '@nestjs/common': '^11.0.0', '@nestjs/core': '^11.0.0', '@nestjs/config': '^4.0.0' },
    entry: 'cjs-app.cjs',
    room: 'cjs-room',
  },
  {
    name: 'nest12-esm',
    type: 'module',
    dependencies: { '@nestjs/common': '^12.0.0', '@nestjs/core': '^12.0.0', '@nestjs/config': '^12.0.0' },
    // What the README's "Testing your app" tells a user to install.
    devDependencies: { jest: '^30.0.0', 'ts-jest': '^29.4.0', '@jest/globals': '^30.0.0', '@nestjs/testing': '^12.0.0', typescript: '~6.0.3', '@types/node': '^20.19.0' },
    entry: 'esm-app.mjs',
    room: 'esm-room',
  },
];

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The app's folder with its Nest packages installed; reused while its manifest stays the same. */
function preparedApp(app: AppKind): string {
  const appManifest = {
    name: app.name,
    private: true,
    type: app.type,
    // Our runtime dependencies too, so installing the tarball later needs nothing new from the registry.
    dependencies: { ...app.dependencies, ...manifest.dependencies, 'reflect-metadata': '^0.2.2', rxjs: '^7.8.2' },
    devDependencies: app.devDependencies ?? {},
  };
  const text = JSON.stringify(appManifest, null, 2);
  const dir = join(cacheDir, `${app.name}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), text);
    run('npm', ['install', '--no-audit', '--no-fund'], dir);
  }
  return dir;
}

describe('the packed tarball in fresh apps', () => {
  const installed = new Map<AppKind, string>();

  beforeAll(() => {
    mkdirSync(cacheDir, { recursive: true });
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', cacheDir], root));
    const tarball = join(cacheDir, packed.filename);
    for (const app of apps) {
      const dir = preparedApp(app);
      rmSync(join(dir, 'node_modules', 'nestjs-ethora-chat'), { recursive: true, force: true });
      run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
      installed.set(app, dir);
    }
  }, 900_000);

  it.each(apps)('$name installs it and boots forRootAsync + ConfigService against the emulator', (app) => {
    const dir = installed.get(app) as string;
    for (const file of ['boot-app.cjs', app.entry]) copyFileSync(join(fixtures, file), join(dir, file));

    const core = JSON.parse(readFileSync(join(dir, 'node_modules', '@nestjs', 'core', 'package.json'), 'utf8'));
    expect(core.version.split('.')[0]).toBe(app.name.slice('nest'.length, 'nest'.length + 2));
    const output = run(process.execPath, [app.entry], dir);
    expect(JSON.parse(output.trim())).toEqual({ status: 'created', name: `65a1b2c3d4e5f60718293a4b_${app.room}` });
  }, 60_000);

  it("nest12-esm runs the README's quick start and its test with the README's jest setup", () => {
    const dir = installed.get(apps[1] as AppKind) as string;
    const files = docBlocks(root).filter((block) => block.source === 'README.md' && block.path);
    expect(files.map((block) => block.path)).toEqual(expect.arrayContaining(['src/app.module.ts', 'test/workspaces.e2e-spec.ts', 'jest.config.mjs']));
    for (const sub of ['src', 'test']) rmSync(join(dir, sub), { recursive: true, force: true });
    for (const { path, code } of files) {
      mkdirSync(dirname(join(dir, path as string)), { recursive: true });
      writeFileSync(join(dir, path as string), code);
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: FRESH_APP_COMPILER_OPTIONS, include: ['src', 'test'] }));

    // The README's test script; throws (and shows jest's report) unless every test passes.
    run(process.execPath, ['--experimental-vm-modules', './node_modules/jest/bin/jest.js', '--ci'], dir);
  }, 180_000);
});
