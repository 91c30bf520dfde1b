// The JavaScript a page must load before the app can start: the module scripts of the built
// index.html and, recursively, their static imports (`import … from "./x.js"`). Chunks reached
// only through import() are left out. Sizes are gzip -9, as a server or the network would
// send them; used by bench/first-paint.bench.ts and test/renderer/initial-js.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  /** The initial files, relative to the renderer folder. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  /** Every .js file in assets/ (the worker and lazy chunks included). */
  allJsGzipBytes: number;
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** null when the renderer has not been built (no index.html in the folder). */
export function initialJs(rendererDir: string): InitialJs | null {
  const index = join(rendererDir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const queue: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) queue.push(normalize(m[1]!.replace(/^\.\//, '')));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) queue.push(normalize(m[1]!.replace(/^\.\//, '')));
  const seen = new Set<string>();
  const files: InitialJs['files'] = [];
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const data = readFileSync(join(rendererDir, rel));
    files.push({ file: rel, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length });
    for (const m of data.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(normalize(join(dirname(rel), m[1]!)));
  }
  let allJsGzipBytes = 0;
  const assets = join(rendererDir, 'assets');
  if (existsSync(assets)) {
    for (const f of readdirSync(assets)) if (f.endsWith('.js')) allJsGzipBytes += gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
  }
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    allJsGzipBytes,
  };
}
