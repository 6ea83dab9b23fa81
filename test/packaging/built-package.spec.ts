import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// `npm test` builds first; these tests check what `npm pack` would ship (dist/, via package.json exports).
const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000 });
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file));
}

describe('the built package', () => {
  it('has every file its exports map and bin point to', () => {
    const targets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : Object.values(entry),
    );
    const missing = [...targets, ...Object.values(manifest.bin as Record<string, string>)].filter((target) => !existsSync(join(root, target)));
    expect(missing).toEqual([]);
    expect(manifest.files).toEqual(['dist']);
  });

  it.each([
    ['nestjs-ethora-chat', ['EthoraChatModule', 'EthoraChatService', 'EthoraApiError', 'isEthoraError', 'ethoraChatConfig']],
    ['nestjs-ethora-chat/testing', ['EthoraEmulator', 'EthoraChatTestingModule', 'getEthoraChatOptionsToken']],
    ['nestjs-ethora-chat/bullmq', ['EthoraQueueModule', 'EthoraProvisioningQueue']],
  ])('%s loads with import() and with require() in a real node process', (specifier, names) => {
    const esm = runNode(['--input-type=module', '-e', `const m = await import('${specifier}'); console.log(JSON.stringify(Object.keys(m)))`]);
    const cjs = runNode(['-e', `console.log(JSON.stringify(Object.keys(require('${specifier}'))))`]);
    for (const output of [esm, cjs]) expect(JSON.parse(output)).toEqual(expect.arrayContaining(names));
  });

  it.each([['fixtures/cjs-app.cjs', 'cjs-room'], ['fixtures/esm-app.mjs', 'esm-room']])(
    '%s boots a Nest 12 app with forRootAsync + ConfigService and calls Ethora',
    (fixture, room) => {
      const output = runNode([join(root, 'test/packaging', fixture)]);
      expect(JSON.parse(output.trim())).toEqual({ status: 'created', name: `65a1b2c3d4e5f60718293a4b_${room}` });
    },
  );

  it('public type declarations import only allowed packages', () => {
    const allowed = new Set(['@nestjs/common', '@nestjs/config', '@nestjs/axios', '@nestjs/jwt', 'axios', 'rxjs']);
    const offenders: string[] = [];
    for (const file of filesUnder(join(root, 'dist'), '.d.ts')) {
      const optionalPeer = file.includes(`${join('dist', 'terminus')}`) ? '@nestjs/terminus' : file.includes(`${join('dist', 'bullmq')}`) ? 'bullmq' : undefined;
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        // @opentelemetry/api types stay in declarations no entry point reaches (test/observability/optional-peer.spec.ts).
        const otelInternal = pkg === '@opentelemetry/api' && file.includes(join('dist', 'observability'));
        if (!allowed.has(pkg) && pkg !== optionalPeer && !otelInternal) offenders.push(`${file}: ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
