// Where the editor's time goes: a V8 CPU profile of PlanDesk (or the plain page) around opening
// the 400-task plan and around a keystroke series of each kind, summarised as the functions
// with the most self time and the most total time. Not a benchmark (not *.bench.ts):
//   npx tsx bench/editor-profile.ts [plain] > profile.txt
// PROFILE_OUT=dir also writes the .cpuprofile files (open them in Chrome DevTools).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';
import { imeSeries, insertTextSeries } from './editor-measure';
import { startEditorPages } from './editor-pages';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const assets = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist', 'renderer', 'assets');
const maps = new Map<string, TraceMap | null>();

/** A frame by its source name and place (through dist/'s source maps), else as the profile has it. */
function frameName(f: ProfileNode['callFrame']): string {
  const file = f.url.split('/').pop() ?? '';
  if (!maps.has(file)) maps.set(file, existsSync(join(assets, file + '.map')) ? new TraceMap(readFileSync(join(assets, file + '.map'), 'utf8')) : null);
  const map = maps.get(file);
  const o = map ? originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber }) : null;
  if (o?.source) return `${o.name ?? f.functionName ?? '(anon)'} ${o.source.replace(/^(\.\.\/)+/, '')}:${o.line}`;
  return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
}

/** Self and total time (ms) per function, the top `n` of each. */
function summarise(p: Profile, n = 25): string {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const name = (x: ProfileNode) => frameName(x.callFrame);
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (cur === id) selfBy.set(k, (selfBy.get(k) ?? 0) + ms);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  return `self:\n${top(selfBy)}\ntotal:\n${top(totalBy)}`;
}

async function profiled(cdp: CDPSession, label: string, fn: () => Promise<unknown>): Promise<void> {
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  if (process.env.PROFILE_OUT) writeFileSync(join(process.env.PROFILE_OUT, `${label}.cpuprofile`), JSON.stringify(profile));
  process.stdout.write(`== ${label}\n${summarise(profile)}\n`);
}

const plainSide = process.argv.includes('plain');
const pages = await startEditorPages();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page: Page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  if (plainSide) {
    await profiled(cdp, 'open', () => page.goto(pages.plainUrl));
    await page.locator('.ProseMirror p:nth-of-type(200)').click();
  } else {
    await page.goto(pages.appUrl);
    await page.waitForSelector('.library');
    await profiled(cdp, 'open', async () => {
      await page.evaluate((id) => (location.hash = `#/plan/${id}`), pages.planId);
      await page.waitForFunction(() => document.querySelectorAll('.plan-page[contenteditable="true"] .plan-task').length >= 400, null, { timeout: 30000 });
    });
    await page.locator('.plan-page .plan-task:nth-child(200) .task-body').click();
  }
  await page.keyboard.press('End');
  await profiled(cdp, 'insertText', () => insertTextSeries(page, 120));
  await profiled(cdp, 'imeEnd', () => imeSeries(page, 60));
} finally {
  await browser.close();
  pages.stop();
}
