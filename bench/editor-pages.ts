// The two pages the editor benchmark (and its profiling script) opens: PlanDesk in browser
// mode on a temp library holding a 400-task plan, and a plain TipTap StarterKit page holding
// the same text as headings and paragraphs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { openLibrary } from '../electron/services/open-library';
import { taskRunningText } from '../shared/plan/running-text';
import { flattenOutline } from '../shared/plan/outline';
import { planFromSamples } from './plan-from-samples';
import type { PlanDocument } from '../shared/plan/schema';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Browser mode from a built dist/ (another build's copy for A/B runs) on the library in `home`. */
export async function startPlanDesk(home: string, dist = join(root, 'dist')): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(dist, 'electron', 'browser.cjs')], {
    env: { ...process.env, PLANDESK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(out)), 15000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=(\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(`${m[1]}#token=${m[2]}`);
      }
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function startPlainPage(html: string): Promise<{ url: string; stop(): void; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-bench-plain-'));
  await build({
    entryPoints: [join(root, 'bench', 'editor-plain', 'entry.ts')],
    bundle: true,
    format: 'iife',
    outfile: join(dir, 'plain.js'),
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'content.js'), `window.__PLAIN_HTML__ = ${JSON.stringify(html)};`);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><div id="editor"></div><script src="content.js"></script><script src="plain.js"></script>',
  );
  const server = createServer((req, res) => {
    const file = join(dir, req.url === '/' ? 'index.html' : (req.url ?? '').slice(1));
    try {
      const data = readFileSync(file);
      res.writeHead(200, { 'Content-Type': extname(file) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8' });
      res.end(data);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, stop: () => server.close(), dir };
}

export interface EditorPages {
  /** PlanDesk's library page (with its token). */
  appUrl: string;
  planId: string;
  plainUrl: string;
  stop(): void;
}

/** A temp library holding `doc`; its folder and the plan's id. */
export async function benchLibrary(doc: PlanDocument): Promise<{ home: string; id: string }> {
  const home = mkdtempSync(join(tmpdir(), 'plandesk-bench-editor-'));
  mkdirSync(home, { recursive: true });
  const lib = openLibrary(home, 'cli');
  const { id } = await lib.services['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc });
  lib.close();
  return { home, id };
}

/** Builds dist/ when stale, makes the library and the plain page, starts both servers. */
export async function startEditorPages(taskCount = 400): Promise<EditorPages> {
  const { buildAll, buildIsCurrent } = (await import(join(root, 'scripts', 'build.mjs'))) as {
    buildAll(o?: { quiet?: boolean }): Promise<void>;
    buildIsCurrent(): boolean;
  };
  if (!buildIsCurrent()) await buildAll({ quiet: true });

  const doc = planFromSamples(taskCount);
  const { home, id } = await benchLibrary(doc);

  const plainHtml = flattenOutline(doc.body)
    .map((i) =>
      i.node.type === 'task' ? `<p>${escapeHtml(taskRunningText(i.node))}</p>` : `<h${i.level + 1}>${escapeHtml(i.label + i.title)}</h${i.level + 1}>`,
    )
    .join('');

  const app = await startPlanDesk(home);
  const plain = await startPlainPage(plainHtml);
  return {
    appUrl: app.url,
    planId: id,
    plainUrl: plain.url,
    stop() {
      app.stop();
      plain.stop();
      rmSync(plain.dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
}
