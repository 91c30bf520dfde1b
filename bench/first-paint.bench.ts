// First paint of the library screen in browser mode, cold (issue 17): the real server (the
// built dist/) on a free port with an empty library, Debian's Chromium through Playwright, a new
// context with the cache disabled for every run. Reports first contentful paint and "library
// screen ready" (the `plandesk:library-ready` mark LibraryScreen sets when its list has
// rendered), median/min/max, and the gzip size of the initial JS (entry + its static imports)
// read from dist/renderer. Goals: FCP and ready < 300 ms, initial JS < 400 KB gzip. Never fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { chromium, type Page } from 'playwright-core';
import { initialJs } from '../test/helpers/initial-js';
import { median } from './util';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const RUNS = Number(process.env.FIRST_PAINT_RUNS ?? 7);
const GOAL_MS = 300;
const GOAL_GZIP_KB = 400;

async function startServer(home: string): Promise<{ url: string; child: ChildProcess }> {
  // PLANDESK_PORT=0: any free port (browser mode would otherwise try the last one first).
  const child = spawn(process.execPath, [join(root, 'dist', 'electron', 'browser.cjs')], {
    env: { ...process.env, PLANDESK_HOME: home, PLANDESK_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`browser mode did not start:\n${out}`)), 15000);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${out}`)));
  });
  return { url, child };
}

async function until(page: Page, predicate: () => boolean): Promise<void> {
  const end = Date.now() + 30_000;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > end) throw new Error('first-paint: the library screen did not show within 30 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const stats = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });

export default async function run(): Promise<Record<string, unknown>> {
  const { buildAll, buildIsCurrent } = (await import(join(root, 'scripts', 'build.mjs'))) as {
    buildAll(o?: { quiet?: boolean }): Promise<void>;
    buildIsCurrent(): boolean;
  };
  if (!buildIsCurrent()) await buildAll({ quiet: true });
  const js = initialJs(join(root, 'dist', 'renderer'))!;

  const home = mkdtempSync(join(tmpdir(), 'plandesk-bench-first-paint-'));
  const { url, child } = await startServer(home);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const fcp: number[] = [];
  const ready: number[] = [];
  const scriptsLoaded: number[] = [];
  const editorPreloaded: number[] = [];
  const push = (t: { fcp: number; ready: number; scripts: number }, editorLoaded: number) => {
    fcp.push(t.fcp);
    ready.push(t.ready);
    scriptsLoaded.push(t.scripts);
    editorPreloaded.push(editorLoaded);
  };
  // Builds before issue 17 have no editor chunk (one chunk for everything).
  const editorChunk = readdirSync(join(root, 'dist', 'renderer', 'assets')).some((f) => /^PlanScreen-[\w-]+\.js$/.test(f));
  try {
    // One warm-up load (the server's first requests, Chromium's own start-up), not counted.
    for (let i = -1; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // Builds without the mark (before issue 17): the moment the list or the empty state shows.
      // (A string: tsx would wrap a named arrow function in a helper the page lacks.)
      await page.addInitScript(`
        new MutationObserver((_m, obs) => {
          if (document.querySelector('.empty-state, .plan-table')) {
            performance.mark('bench:library-visible');
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });`);
      await page.goto(url);
      // Polled with evaluate: waitForFunction compiles its predicate in the page, which the CSP forbids.
      await until(
        page,
        () => performance.getEntriesByName('plandesk:library-ready').length > 0 || performance.getEntriesByName('bench:library-visible').length > 0,
      );
      // FCP is reported a frame after it happens.
      await until(page, () => performance.getEntriesByName('first-contentful-paint').length > 0);
      const t = await page.evaluate(() => {
        const mark = performance.getEntriesByName('plandesk:library-ready')[0] ?? performance.getEntriesByName('bench:library-visible')[0];
        // The entry (the first script fetched); the editor's chunks follow it once the page is idle.
        const scripts = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .slice(0, 1)
          .map((e) => (e as PerformanceResourceTiming).responseEnd);
        return {
          fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
          ready: mark!.startTime,
          scripts: scripts.length ? Math.max(...scripts) : 0,
        };
      });
      // The editor's chunk, fetched once the library has painted and the page is idle.
      if (!editorChunk) {
        if (i >= 0) push(t, 0);
        await context.close();
        continue;
      }
      await until(page, () => performance.getEntriesByType('resource').some((e) => /\/PlanScreen-[\w-]+\.js$/.test(e.name)));
      const editorLoaded = await page.evaluate(
        () => (performance.getEntriesByType('resource').find((e) => /\/PlanScreen-[\w-]+\.js$/.test(e.name)) as PerformanceResourceTiming).responseEnd,
      );
      if (i >= 0) push(t, editorLoaded);
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
  const fcpStats = stats(fcp);
  const readyStats = stats(ready);
  const gzipKB = Math.round(js.gzipBytes / 1024);
  return {
    runs: RUNS,
    firstContentfulPaintMs: { ...fcpStats, goalMs: GOAL_MS, meetsGoal: fcpStats.median < GOAL_MS },
    libraryReadyMs: { ...readyStats, goalMs: GOAL_MS, meetsGoal: readyStats.median < GOAL_MS },
    entryScriptLoadedMs: stats(scriptsLoaded),
    editorChunkPreloadedMs: editorChunk ? stats(editorPreloaded) : 'no editor chunk in this build',
    initialJs: {
      files: js.files.map((f) => ({ file: f.file, kB: Math.round(f.bytes / 1024), gzipKB: Math.round(f.gzipBytes / 1024) })),
      kB: Math.round(js.bytes / 1024),
      gzipKB,
      goalGzipKB: GOAL_GZIP_KB,
      meetsGoal: gzipKB < GOAL_GZIP_KB,
    },
    allJsGzipKB: Math.round(js.allJsGzipBytes / 1024),
  };
}
