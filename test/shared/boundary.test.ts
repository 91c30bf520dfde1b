// shared/ is the pure domain: it may import only shared/ itself and a few pure libraries.
// This test fails when someone imports Node, the DOM, Electron or React there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ALLOWED_PACKAGES = new Set(['zod', 'opencc-js', 'diff', 'htmlparser2', 'domhandler', 'domutils', 'entities']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

describe('shared/ stays pure', () => {
  const sharedFiles = files(join(root, 'shared'));
  it('has source files', () => expect(sharedFiles.length).toBeGreaterThan(3));
  it.each(sharedFiles.map((f) => [relative(root, f), f]))('%s imports only shared/ and pure libraries', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((spec) => {
      if (spec.startsWith('.')) return !join(file, '..', spec).startsWith(join(root, 'shared'));
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      return !ALLOWED_PACKAGES.has(pkg);
    });
    expect(bad).toEqual([]);
  });
  it('detects a forbidden import (the check itself works)', () => {
    expect(importsOf('import { readFile } from \'node:fs\';\nimport x from "react";')).toEqual(['node:fs', 'react']);
  });
});
