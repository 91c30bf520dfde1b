import { expect, test } from '@playwright/test';
import { createPlan, useApp } from './app';

// Issue 17: the library paints from the entry chunk alone; the editor's chunk follows once the
// page is idle, and opencc-js (traditional → simplified) only when pasted text needs it. Every
// chunk comes from the browser-mode server as JavaScript, within the CSP.
const app = useApp();

test('chunks load on demand, as JavaScript, within the CSP', async ({ page }) => {
  const scripts: { url: string; type: string }[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push({ url: r.url(), type: r.headers()['content-type'] ?? '' });
  });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(app().url);
  await expect(page.getByRole('heading', { name: '计划资料库' })).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByName('plandesk:library-ready').length)).toBe(1);
  // The editor's chunk, preloaded after first paint.
  await expect.poll(() => scripts.some((s) => /\/PlanScreen-[\w-]+\.js$/.test(s.url))).toBe(true);
  expect(scripts.some((s) => /\/t2cn-[\w-]+\.js$/.test(s.url))).toBe(false);

  await createPlan(page, '2026年全县安全生产工作要点', '2026');
  const tasks = page.locator('.plan-page .plan-task');
  await page.locator('.plan-page').click();
  // Traditional text pasted: the converter's chunk loads, then the paste goes in, simplified.
  await page.evaluate(() => {
    const text =
      '1.加強隱患排查治理。各鄉鎮每季度至少開展1次專項檢查。（縣應急局牽頭，各鄉鎮負責落實）\n2.強化安全宣傳教育。年底前覆蓋率達到100%。（縣委宣傳部負責）';
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector('.plan-page')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(tasks).toHaveCount(2);
  await expect(tasks.nth(0).locator('.task-title')).toHaveText('加强隐患排查治理');
  await expect(tasks.nth(1)).toContainText('年底前覆盖率达到100%');
  expect(scripts.some((s) => /\/t2cn-[\w-]+\.js$/.test(s.url))).toBe(true);

  for (const s of scripts) expect(s.type, s.url).toMatch(/^text\/javascript/);
  expect(problems).toEqual([]);
});
