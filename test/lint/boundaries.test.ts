// The folder boundaries of README's developer notes, as enforced by eslint.config.js: each
// forbidden import below must be an error where it is written, so that a weakened config
// fails here and not only in review. (The real tree is linted by `npm run lint`.)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('lint boundaries', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'Node builtins'],
    ["import { join } from 'path';", 'Node builtins'],
    ["import { app } from 'electron';", 'pure libraries'],
    ["import { useState } from 'react';", 'pure libraries'],
    ["import { Editor } from '@tiptap/core';", 'pure libraries'],
    ["import { APP_VERSION } from '../electron/version';", 'electron/ or renderer/'],
    ["import { invoke } from '../renderer/src/api/client';", 'electron/ or renderer/'],
  ])(
    'shared/ rejects %s',
    async (line, message) => {
      const found = await errors('shared/__lint_probe.ts', `${line}\nexport const x = 1;\n`);
      expect(found.join('\n')).toContain(message);
    },
    60_000,
  );

  it('shared/ rejects Node and DOM globals', async () => {
    expect(await errors('shared/__lint_probe.ts', 'export const x = [process.env, document.title];\n')).toHaveLength(2);
  }, 60_000);

  it('shared/ may import shared/ and zod', async () => {
    expect(
      await errors(
        'shared/__lint_probe.ts',
        "import { z } from 'zod';\nimport { DEFAULT_NUMBERING } from './plan/schema';\nexport const x = [z, DEFAULT_NUMBERING];\n",
      ),
    ).toEqual([]);
  }, 60_000);

  it.each([
    ["import { app } from 'electron';", 'no Node or Electron'],
    ["import { readFileSync } from 'node:fs';", 'no Node'],
    ["import type { Library } from '../../electron/services/library';", 'only through invoke()'],
  ])(
    'renderer/ rejects %s',
    async (line, message) => {
      const found = await errors('renderer/src/__lint_probe.ts', `${line}\nexport const x = 1;\n`);
      expect(found.join('\n')).toContain(message);
    },
    60_000,
  );

  it('review/ must not import editor/ (the folder cycle of issue 14)', async () => {
    const found = await errors('renderer/src/review/__lint_probe.ts', "import { sectionRange } from '../editor/structure';\nexport const x = sectionRange;\n");
    expect(found.join('\n')).toContain('import-x/no-restricted-paths');
  }, 60_000);

  it('electron/ rejects renderer/', async () => {
    const found = await errors('electron/__lint_probe.ts', "import { invoke } from '../renderer/src/api/client';\nexport const x = invoke;\n");
    expect(found.join('\n')).toContain('electron/ must not import renderer/');
  }, 60_000);

  it('breaking the rules of hooks is an error in renderer/', async () => {
    const found = await errors(
      'renderer/src/__lint_probe.tsx',
      "import { useState } from 'react';\nexport function C({ a }: { a: boolean }) {\n  if (a) useState(0);\n  return null;\n}\n",
    );
    expect(found.join('\n')).toContain('react-hooks/rules-of-hooks');
  }, 60_000);
});
