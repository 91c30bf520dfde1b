// The renderer's initial JavaScript (entry + its static imports) stays under 400 KB gzip
// (issue 17). Reads the built dist/renderer, so it runs after `npm run build` and is skipped
// when there is no build. A size check, not a timing.
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialJs } from '../helpers/initial-js';

const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist', 'renderer');
const LIMIT_GZIP_BYTES = 400 * 1024;

describe('initial JS', () => {
  it('follows static imports and leaves import() chunks out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-initial-js-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<script type="module" crossorigin src="./assets/index-a.js"></script>');
      writeFileSync(join(dir, 'assets', 'index-a.js'), 'import{a as b}from"./shared-b.js";const l=()=>import("./lazy-c.js");');
      writeFileSync(join(dir, 'assets', 'shared-b.js'), 'import"./side-d.js";export const a=1;');
      writeFileSync(join(dir, 'assets', 'side-d.js'), 'console.log(1)');
      writeFileSync(join(dir, 'assets', 'lazy-c.js'), 'export default 2');
      expect(initialJs(dir)!.files.map((f) => f.file)).toEqual(['assets/index-a.js', 'assets/shared-b.js', 'assets/side-d.js']);
      expect(initialJs(join(dir, 'missing'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(join(dist, 'index.html')))('of the built renderer is under 400 KB gzip, without the editor or opencc-js', () => {
    const js = initialJs(dist)!;
    expect(js.files.length).toBeGreaterThan(0);
    expect(js.gzipBytes).toBeLessThan(LIMIT_GZIP_BYTES);
    expect(js.files.map((f) => f.file).filter((f) => /PlanScreen|t2cn|CoverageScreen|OpinionsScreen/.test(f))).toEqual([]);
  });
});
