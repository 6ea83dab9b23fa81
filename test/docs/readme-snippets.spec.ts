import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { docBlocks, FRESH_APP_COMPILER_OPTIONS } from './readme-blocks.js';

// Every ```ts block of README.md and docs/**/*.md, type-checked with --strict in a fresh Nest 12 app's
// setup against the library's SOURCE types. One tsc run for all blocks.
// - A block with a path comment (`// src/app.module.ts`) is written to that path, so the quick start's files
//   and the test that imports them check together, relative `.js` imports included.
// - Any other block is a module of its own that may use `chat` (EthoraChatService) and `apps`
//   (EthoraAppsService) as if injected; see PRELUDE.

const root = process.cwd();
const appDir = join(root, '.tmp', 'readme-snippets');

const PRELUDE = `import type { EthoraAppsService, EthoraChatService } from 'nestjs-ethora-chat';
declare global {
  /** The injected service, in docs examples that are not whole files. */
  const chat: EthoraChatService;
  const apps: EthoraAppsService;
}
export {};
`;

const TSCONFIG = {
  compilerOptions: {
    ...FRESH_APP_COMPILER_OPTIONS,
    noEmit: true,
    // The package by name, resolved to lib/ so the docs are checked against the code as it is now.
    paths: {
      'nestjs-ethora-chat': [join(root, 'lib/index.ts')],
      'nestjs-ethora-chat/testing': [join(root, 'lib/testing/index.ts')],
      'nestjs-ethora-chat/terminus': [join(root, 'lib/terminus/index.ts')],
      'nestjs-ethora-chat/bullmq': [join(root, 'lib/bullmq/index.ts')],
    },
  },
  include: ['**/*.ts'],
};

interface Block {
  source: string;
  line: number;
  code: string;
  target: string;
}

function tsBlocks(): Block[] {
  return docBlocks(root)
    .filter(({ lang }) => lang === 'ts' || lang === 'typescript')
    .map(({ source, line, code, path }) => ({
      source,
      line,
      code: path ? code : `${code}\nexport {};\n`,
      target: path ?? join('blocks', `${source.replace(/[/.]/g, '_')}-L${line}.ts`),
    }));
}

/** Writes the fresh app and runs tsc once; returns its diagnostics, one per line. */
function typeCheck(blocks: Block[]): string[] {
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'fresh-nest-app', private: true, type: 'module' }));
  writeFileSync(join(appDir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(appDir, 'prelude.d.ts'), PRELUDE);
  for (const block of blocks) {
    mkdirSync(dirname(join(appDir, block.target)), { recursive: true });
    writeFileSync(join(appDir, block.target), block.code);
  }
  try {
    // Run in the app folder, so tsc names files relative to it, as `Block.target` does.
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: appDir, encoding: 'utf8', timeout: 180_000 });
    return [];
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    return output.split('\n').filter((line) => /error TS\d+/.test(line));
  }
}

interface Diagnostic {
  block?: Block;
  /** `README.md line 44: error TS2339: ...`: the line in the markdown file. */
  text: string;
}

/** Reads `blocks/README_md-L42.ts(3,5): error TS...` (tsc names files relative to the app folder). */
function located(line: string, blocks: Block[]): Diagnostic {
  const [, file, row, message] = /^(.+?)\((\d+),\d+\): (.*)$/.exec(line) ?? [];
  const block = blocks.find((b) => b.target === file);
  return { block, text: block ? `${block.source} line ${block.line + Number(row) - 1}: ${message}` : line };
}

describe('TypeScript in README.md and docs/', () => {
  const blocks = tsBlocks();

  it('finds the blocks, each written to its own file', () => {
    expect(blocks.length).toBeGreaterThan(5);
    const targets = blocks.map((b) => b.target);
    expect(targets.filter((t, i) => targets.indexOf(t) !== i)).toEqual([]);
  });

  it('type-checks every block with --strict against lib/', () => {
    expect(typeCheck(blocks).map((line) => located(line, blocks).text)).toEqual([]);
  }, 240_000);
});
