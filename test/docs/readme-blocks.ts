import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The code blocks of README.md and docs/**/*.md, as the docs tests read them.
// - A block whose first line is a path comment (`// src/app.module.ts`, `// jest.config.mjs`) is a file of
//   the fresh app the docs describe, written to that path.
// - `<!-- not-checked: reason -->` on the line before a block skips it. Keep those rare.

/** One fenced block: where it is (its first code line) and what it holds. */
export interface DocBlock {
  source: string;
  line: number;
  lang: string;
  code: string;
  /** The app file the block is, from its path comment. */
  path?: string;
}

/** A fresh Nest 12 app's compiler settings, as the README's "Testing your app" describes them. */
export const FRESH_APP_COMPILER_OPTIONS = {
  module: 'nodenext',
  moduleResolution: 'nodenext',
  target: 'ES2023',
  strict: true,
  isolatedModules: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  skipLibCheck: true,
  types: ['node'],
};

const PATH_COMMENT = /^\/\/ ([\w./-]+\.(?:ts|mjs))\s*$/;
const NOT_CHECKED = /^<!-- not-checked: .+ -->$/;

function markdownFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => join('docs', f))];
}

function blocksOf(root: string, source: string): DocBlock[] {
  const lines = readFileSync(join(root, source), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lang = /^```(\w+)\s*$/.exec(lines[i] as string)?.[1];
    if (!lang) continue;
    const end = lines.indexOf('```', i + 1);
    if (!NOT_CHECKED.test((lines[i - 1] ?? '').trim())) {
      const code = lines.slice(i + 1, end).join('\n');
      blocks.push({ source, line: i + 2, lang, code, path: PATH_COMMENT.exec(lines[i + 1] as string)?.[1] });
    }
    i = end;
  }
  return blocks;
}

/** Every checked code block of README.md and docs/, in reading order. */
export function docBlocks(root: string): DocBlock[] {
  return markdownFiles(root).flatMap((source) => blocksOf(root, source));
}
