// What the editor benchmark measures inside a page, the same way for PlanDesk and for the plain
// TipTap page: the cost of a typed character (insertText) and of an IME composition ending, and
// the renderer process's memory.
//
// Timing without clamped timers: Chromium raises a timer nested ≥ 5 deep (a setTimeout called
// from a setTimeout callback, as an await loop of timers is) to ≥ 4 ms, so "until the next
// setTimeout(0)" measured 4 ms of waiting on both sides. The end of a keystroke's work is taken
// from a MessageChannel message instead: a macrotask that runs after the current task and its
// microtasks (ProseMirror reads the DOM change in a MutationObserver microtask) and is never
// clamped.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const PAUSE_MS = 20;

/** tsx names the functions it compiles through a helper the page does not have. */
const definePageHelper = (page: Page) => page.evaluate('globalThis.__name ??= (f) => f');

/** Types `n` characters at the caret; the cost of each (ms): until a macrotask after it. */
export async function insertTextSeries(page: Page, n: number): Promise<number[]> {
  await definePageHelper(page);
  return page.evaluate(
    async ({ n, pause }) => {
      const ch = new MessageChannel();
      const nextTask = () =>
        new Promise<void>((r) => {
          ch.port1.onmessage = () => r();
          ch.port2.postMessage(0);
        });
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        document.execCommand('insertText', false, '测');
        await nextTask();
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, pause));
      }
      return times;
    },
    { n, pause: PAUSE_MS },
  );
}

/**
 * Installs the probe for composition ends in the page. A commit's work is in two tasks: the
 * input and compositionend events (ProseMirror applies the text in a microtask), and
 * ProseMirror's endComposition 20 ms later (its redraw of the composed text). The first is
 * timed from the commit's first event to a MessageChannel macrotask; the second between two
 * timers of the same delay set just before and just after ProseMirror's (timers of equal
 * delay run in the order they were set, so only its task lies between them).
 */
function installImeProbe(): void {
  type Probe = { armed: boolean; t0: number; sync: number; done: Promise<number>; resolve(v: number): void; sawComposition: boolean };
  const w = window as unknown as { __ime: Probe };
  const ch = new MessageChannel();
  const view = () => (document.querySelector('.ProseMirror') as unknown as { editor: { view: { composing: boolean } } }).editor.view;
  const p: Probe = { armed: false, t0: 0, sync: 0, done: Promise.resolve(0), resolve: () => undefined, sawComposition: false };
  w.__ime = p;
  const start = () => {
    if (!p.armed) return;
    p.armed = false;
    p.t0 = performance.now();
  };
  window.addEventListener('beforeinput', start, true);
  window.addEventListener('input', start, true);
  window.addEventListener('compositionend', start, true);
  let before = 0;
  window.addEventListener(
    'compositionend',
    () => {
      p.sawComposition = view().composing;
      setTimeout(() => (before = performance.now()), 20);
    },
    true,
  );
  window.addEventListener('compositionend', () => {
    ch.port1.onmessage = () => {
      p.sync = performance.now() - p.t0;
    };
    ch.port2.postMessage(0);
    setTimeout(() => p.resolve(p.sync + (performance.now() - before)), 20);
  });
}

/** Composes `n` characters (CDP imeSetComposition, then insertText commits them); the cost of each commit (ms). */
export async function imeSeries(page: Page, n: number): Promise<{ times: number[]; compositionSeen: boolean }> {
  await definePageHelper(page);
  await page.evaluate(installImeProbe);
  const cdp = await page.context().newCDPSession(page);
  const times: number[] = [];
  let compositionSeen = true;
  for (let i = 0; i < n; i++) {
    await cdp.send('Input.imeSetComposition', { text: 'ce', selectionStart: 2, selectionEnd: 2 });
    const composing = await page.evaluate(() => {
      const w = window as unknown as { __ime: { armed: boolean; done: Promise<number>; resolve(v: number): void } };
      w.__ime.armed = true;
      w.__ime.done = new Promise((r) => (w.__ime.resolve = r));
      return (document.querySelector('.ProseMirror') as unknown as { editor: { view: { composing: boolean } } }).editor.view.composing;
    });
    await cdp.send('Input.insertText', { text: '测' });
    const t = await page.evaluate(() => (window as unknown as { __ime: { done: Promise<number> } }).__ime.done);
    const seen = await page.evaluate(() => (window as unknown as { __ime: { sawComposition: boolean } }).__ime.sawComposition);
    compositionSeen &&= composing && seen;
    times.push(t);
    await page.waitForTimeout(PAUSE_MS);
  }
  await cdp.detach();
  return { times, compositionSeen };
}

/** Renderer processes' ids (browser-wide CDP). */
async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

function kB(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

const mb = (k: number) => Math.round(k / 102.4) / 10;

export interface RendererMemory {
  /** Resident set (VmRSS): everything the process has in RAM, shared pages counted in full. */
  rssMB: number;
  /** Proportional set size: shared pages divided among the processes sharing them. */
  pssMB: number;
  /** Peak resident set over the process's life (VmHWM). */
  peakRssMB: number;
}

/**
 * The memory of the renderer showing `page`, after a garbage collection. Called with one page
 * open in the browser, so the renderer with the largest resident set is the page's (a spare
 * renderer Chromium keeps ready holds next to nothing).
 */
export async function rendererMemory(browser: Browser, page: Page): Promise<RendererMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  let best: RendererMemory = { rssMB: 0, pssMB: 0, peakRssMB: 0 };
  for (const pid of await rendererPids(browser)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const m = { rssMB: mb(kB(status, 'VmRSS')), pssMB: mb(kB(rollup, 'Pss')), peakRssMB: mb(kB(status, 'VmHWM')) };
      if (m.rssMB > best.rssMB) best = m;
    } catch {
      // The process ended meanwhile.
    }
  }
  return best;
}
