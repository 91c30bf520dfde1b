import { expect, test, type Page } from '@playwright/test';
// Starts PlanDesk in browser mode (the built dist/) on a fresh data folder for a test file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningApp {
  url: string;
  home: string;
  stop(): Promise<void>;
  /** kill -9: the server dies at once; the data folder stays (to start again on it). */
  kill(): Promise<void>;
}

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export async function startApp(home = mkdtempSync(join(tmpdir(), 'plandesk-e2e-')), env: Record<string, string> = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'electron', 'browser.cjs')], {
    env: { ...process.env, PLANDESK_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    home,
    stop: async () => {
      child.removeAllListeners('exit');
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
    kill: async () => {
      child.removeAllListeners('exit');
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** One app (fresh data folder) for the tests of a file; `app()` gives the running one. */
export function useApp(): () => RunningApp {
  let running: RunningApp | undefined;
  test.beforeAll(async () => {
    running = await startApp();
  });
  test.afterAll(async () => {
    await running?.stop();
  });
  return () => running!;
}

export const samples = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared', 'samples');

/** 新建 through the dialog; the new plan opens. */
export async function createPlan(page: Page, title: string, year: string): Promise<void> {
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建计划' });
  await dialog.getByRole('textbox', { name: '标题' }).fill(title);
  await dialog.getByRole('textbox', { name: '年度' }).fill(year);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/**
 * Puts the browser's selection over an element's contents (or the caret at its end) and waits
 * for ProseMirror to read it: clicks land between characters unpredictably in CJK text.
 */
export async function selectContents(target: import('@playwright/test').Locator, opts: { caretAtEnd?: boolean } = {}): Promise<void> {
  await target.evaluate((el, atEnd) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    if (atEnd) range.collapse(false);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, !!opts.caretAtEnd);
  await target.page().waitForTimeout(100);
}

/** Puts the editor's caret at the end of a block and waits until the editor has it there. */
export async function caretInto(block: import('@playwright/test').Locator): Promise<void> {
  await block.click();
  await selectContents(block, { caretAtEnd: true });
  const text = ((await block.textContent()) ?? '').slice(0, 12);
  await expect
    .poll(() =>
      block.page().evaluate(() => {
        const n = document.getSelection()?.anchorNode;
        const el = n instanceof Element ? n : n?.parentElement;
        return el?.closest('.plan-heading, .plan-task, p')?.textContent ?? '';
      }),
    )
    .toContain(text);
}

/** An API call from the page, as the renderer makes it (its token, same origin): the raw answer. */
export async function pageInvoke(page: Page, name: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: unknown }> {
  return page.evaluate(
    async ([n, a]) => {
      const r = await fetch('api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PlanDesk-Token': sessionStorage.getItem('plandesk.token') ?? '' },
        body: JSON.stringify({ name: n, args: a }),
      });
      return (await r.json()) as { ok: boolean; result?: unknown; error?: unknown };
    },
    [name, args] as const,
  );
}

/** The same, its result — or a thrown error when the call failed. */
export async function pageApi<T>(page: Page, name: string, args: unknown): Promise<T> {
  const body = await pageInvoke(page, name, args);
  if (!body.ok) throw new Error(JSON.stringify(body.error));
  return body.result as T;
}
