// A/B runs of the editor benchmark's PlanDesk figures for several builds at once: each build
// (a copy of dist/) gets its own library and server, and every round opens each of them in a
// fresh page (order rotated per round) and types one series of each kind — so the builds are
// compared at the same moments on a busy machine. Not a benchmark (not *.bench.ts):
//   npx tsx bench/editor-ab.ts base=/tmp/ab/base/dist fix=/tmp/ab/fix/dist
// (make a copy with `npm run build && cp -r dist /tmp/ab/fix/` after checking out each commit;
// the copy must sit where Node finds this project's node_modules, e.g. under a folder holding a
// node_modules link). AB_RUNS=n rounds (default 5). Prints median (min–max) over the rounds.
import { rmSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { imeSeries, insertTextSeries } from './editor-measure';
import { benchLibrary, startPlanDesk } from './editor-pages';
import { planFromSamples } from './plan-from-samples';
import { median, percentile } from './util';

const RUNS = Math.max(1, Number(process.env.AB_RUNS) || 5);
const builds = process.argv.slice(2).map((a) => {
  const [name, dist] = a.split('=');
  if (!name || !dist) throw new Error(`name=dist/ expected, not ${a}`);
  return { name, dist };
});
const doc = planFromSamples(400);
const apps: Array<{ name: string; lib: { home: string; id: string }; app: { url: string; stop(): void } }> = [];
for (const b of builds) {
  const lib = await benchLibrary(doc);
  apps.push({ ...b, lib, app: await startPlanDesk(lib.home, b.dist) });
}
type Figures = Record<'open' | 'insertP95' | 'insertMedian' | 'imeP95' | 'imeMedian', number[]>;
const figures = new Map<string, Figures>(builds.map((b) => [b.name, { open: [], insertP95: [], insertMedian: [], imeP95: [], imeMedian: [] }]));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (let r = 0; r < RUNS; r++) {
    for (const { name, lib, app } of apps.map((_, i) => apps[(i + r) % apps.length]!)) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page: Page = await ctx.newPage();
      await page.goto(app.url);
      await page.waitForSelector('.library');
      await page.evaluate((id) => {
        performance.mark('open-start');
        location.hash = `#/plan/${id}`;
      }, lib.id);
      await page.waitForFunction(() => document.querySelectorAll('.plan-page[contenteditable="true"] .plan-task').length >= 400, null, { timeout: 60000 });
      const f = figures.get(name)!;
      f.open.push(await page.evaluate(() => performance.now() - performance.getEntriesByName('open-start')[0]!.startTime));
      await page.locator('.plan-page .plan-task:nth-child(200) .task-body').click();
      await page.keyboard.press('End');
      const ins = await insertTextSeries(page, 120);
      const ime = (await imeSeries(page, 60)).times;
      f.insertP95.push(percentile(ins, 95));
      f.insertMedian.push(median(ins));
      f.imeP95.push(percentile(ime, 95));
      f.imeMedian.push(median(ime));
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  for (const a of apps) {
    a.app.stop();
    rmSync(a.lib.home, { recursive: true, force: true });
  }
}
const show = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
for (const [name, f] of figures) {
  process.stdout.write(
    `${name}: open ${show(f.open)} ms | insertText p95 ${show(f.insertP95)}, median ${show(f.insertMedian)} | imeEnd p95 ${show(f.imeP95)}, median ${show(f.imeMedian)}\n`,
  );
}
