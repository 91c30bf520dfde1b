// The editor on a 400-task plan (≈ 8× a real one, made from the sample tasks) in headless
// Chromium, in the real app (browser mode): time to editable, cost of a keystroke in the
// middle of the plan, page memory; and the same for a plain TipTap StarterKit document of the
// same text, as a ratio. Goals: open < 1.5 s, keystroke p95 < 16 ms, ratio ≤ 1.5×.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { CHROMIUM_ARGS as SHARED_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openLibrary } from '../electron/services/open-library';
import { taskRunningText } from '../shared/plan/running-text';
import { flattenOutline } from '../shared/plan/outline';
import { planFromSamples } from './plan-from-samples';
import { median, percentile } from './util';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const RUNS = 5;
const KEYSTROKES = 120;
/** Keystroke series measured per editor (each in a fresh page); the figures are medians over them. */
const KEY_RUNS = 3;
const CHROMIUM_ARGS = [...SHARED_ARGS, '--enable-precise-memory-info'];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Types KEYSTROKES characters in the middle of the document; returns the cost of each (ms). */
async function keystrokes(page: Page, target: string): Promise<number[]> {
  await page.locator(target).click();
  await page.keyboard.press('End');
  return page.evaluate(async (n) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      document.execCommand('insertText', false, '测');
      // ProseMirror reads the DOM change in a microtask; a macrotask later all of it is done.
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return times;
  }, KEYSTROKES);
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return Math.round((used / 1024 / 1024) * 10) / 10;
}

async function startPlanDesk(home: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(root, 'dist', 'electron', 'browser.cjs')], {
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

export default async function run(): Promise<Record<string, unknown>> {
  const { buildAll, buildIsCurrent } = (await import(join(root, 'scripts', 'build.mjs'))) as {
    buildAll(o?: { quiet?: boolean }): Promise<void>;
    buildIsCurrent(): boolean;
  };
  if (!buildIsCurrent()) await buildAll({ quiet: true });

  const doc = planFromSamples(400);
  const home = mkdtempSync(join(tmpdir(), 'plandesk-bench-editor-'));
  mkdirSync(home, { recursive: true });
  const lib = openLibrary(home, 'cli');
  const { id } = await lib.services['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc });
  lib.close();

  const plainHtml = flattenOutline(doc.body)
    .map((i) =>
      i.node.type === 'task' ? `<p>${escapeHtml(taskRunningText(i.node))}</p>` : `<h${i.level + 1}>${escapeHtml(i.label + i.title)}</h${i.level + 1}>`,
    )
    .join('');

  const app = await startPlanDesk(home);
  const plain = await startPlainPage(plainHtml);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const appOpen: number[] = [];
    const plainOpen: number[] = [];
    const appKeys: number[][] = [];
    const plainKeys: number[][] = [];
    let appHeap = 0;
    let plainHeap = 0;
    for (let r = 0; r < RUNS; r++) {
      // PlanDesk: from navigation to the plan's 400 tasks editable.
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await ctx.newPage();
      await page.goto(app.url);
      await page.waitForSelector('.library');
      await page.evaluate((planId) => {
        performance.mark('open-start');
        location.hash = `#/plan/${planId}`;
      }, id);
      await page.waitForFunction(() => document.querySelectorAll('.plan-page[contenteditable="true"] .plan-task').length >= 400, null, { timeout: 30000 });
      appOpen.push(await page.evaluate(() => performance.now() - performance.getEntriesByName('open-start')[0]!.startTime));
      if (r === 0) appHeap = await heapMB(page);
      if (r < KEY_RUNS) appKeys.push(await keystrokes(page, '.plan-page .plan-task:nth-child(200) .task-body'));
      await ctx.close();

      const pctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const ppage = await pctx.newPage();
      await ppage.goto(plain.url);
      await ppage.waitForFunction(() => (window as unknown as { __editorReady?: number }).__editorReady !== undefined);
      const ready = await ppage.evaluate(() => (window as unknown as { __editorReady: number }).__editorReady);
      plainOpen.push(ready);
      if (r === 0) plainHeap = await heapMB(ppage);
      if (r < KEY_RUNS) plainKeys.push(await keystrokes(ppage, '.ProseMirror p:nth-of-type(200)'));
      await pctx.close();
    }
    const result = {
      tasks: 400,
      runs: RUNS,
      planDesk: {
        openToEditableMedianMs: Math.round(median(appOpen)),
        keystrokeP95Ms: Number(median(appKeys.map((k) => percentile(k, 95))).toFixed(2)),
        keystrokeMedianMs: Number(median(appKeys.map((k) => median(k))).toFixed(2)),
        heapAfterOpenMB: appHeap,
      },
      plainStarterKit: {
        openToEditableMedianMs: Math.round(median(plainOpen)),
        keystrokeP95Ms: Number(median(plainKeys.map((k) => percentile(k, 95))).toFixed(2)),
        keystrokeMedianMs: Number(median(plainKeys.map((k) => median(k))).toFixed(2)),
        heapAfterOpenMB: plainHeap,
      },
      goals: { openMs: 1500, keystrokeP95Ms: 16, ratio: 1.5 },
    };
    const ratioOpen = result.planDesk.openToEditableMedianMs / Math.max(1, result.plainStarterKit.openToEditableMedianMs);
    const ratioKey = result.planDesk.keystrokeP95Ms / Math.max(0.01, result.plainStarterKit.keystrokeP95Ms);
    return {
      ...result,
      ratio: { open: Number(ratioOpen.toFixed(2)), keystrokeP95: Number(ratioKey.toFixed(2)) },
      meetsGoal: {
        open: result.planDesk.openToEditableMedianMs < 1500,
        keystroke: result.planDesk.keystrokeP95Ms < 16,
        ratioKeystroke: ratioKey <= 1.5,
      },
      note: 'PlanDesk open time counts from the route change in an already-loaded app to 400 editable task blocks (plan fetched from SQLite, React screen, editor); the plain page counts from navigation start to a constructed editor. Keystroke = execCommand insertText until the next macrotask (ProseMirror has applied it, plugins and React listeners have run); p95 per series of 120 keystrokes, median over 3 series in fresh pages.',
    };
  } finally {
    await browser.close();
    app.stop();
    plain.stop();
    rmSync(plain.dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}
