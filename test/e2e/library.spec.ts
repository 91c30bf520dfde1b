import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from './app';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.stop();
});

const TITLE = '2026年全县安全生产工作要点';

test('a new user creates, reopens and deletes a plan', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '计划资料库' })).toBeVisible();
  await expect(page.getByRole('region', { name: '资料库为空' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/library-empty.png' });

  // 新建 with a bad year first: a clear message, nothing created.
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建计划' });
  await dialog.getByRole('textbox', { name: '标题' }).fill(TITLE);
  await dialog.getByRole('textbox', { name: '年度' }).fill('26');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('年份应为四位数字，例如 2026。');
  await dialog.getByRole('textbox', { name: '年度' }).fill('2026');
  await dialog.getByRole('button', { name: '创建' }).click();

  // The new plan opens; back in the library it is listed.
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: '← 资料库' }).click();
  const row = page.getByRole('row', { name: TITLE });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: '2026', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/library-one-plan.png' });

  // Reload: still there (stored in SQLite, token kept for this tab).
  await page.reload();
  await expect(page.getByRole('row', { name: TITLE })).toBeVisible();

  // Open it again.
  await page.getByRole('button', { name: `打开 ${TITLE}` }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await page.getByRole('tab', { name: '历史' }).click();
  await expect(page.getByRole('region', { name: '历史' })).toContainText('新建');
  await page.getByRole('button', { name: '← 资料库' }).click();

  // Search filters by title.
  await page.getByRole('searchbox', { name: '搜索计划' }).fill('应急');
  await expect(page.getByRole('row', { name: TITLE })).toHaveCount(0);
  await page.getByRole('searchbox', { name: '搜索计划' }).fill('全县');
  await expect(page.getByRole('row', { name: TITLE })).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索计划' }).fill('');

  // Delete asks first; then it is gone from the list but recoverable from the trash.
  await page.getByRole('button', { name: `删除 ${TITLE}` }).click();
  const confirm = page.getByRole('dialog', { name: '删除计划' });
  await expect(confirm).toContainText('可在回收站中恢复');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('row', { name: TITLE })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '资料库为空' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row', { name: TITLE })).toHaveCount(0);

  await page.getByRole('button', { name: '回收站' }).click();
  await page.getByRole('button', { name: `恢复 ${TITLE}` }).click();
  await page.getByRole('button', { name: '返回资料库' }).click();
  await expect(page.getByRole('row', { name: TITLE })).toBeVisible();
});

test('the API refuses requests without the launch token', async ({ request }) => {
  const base = app.url.replace(/#.*$/, '');
  const res = await request.post(`${base}api/invoke`, { data: { name: 'plans.list', args: {} } });
  expect(res.status()).toBe(401);
  const wrongHost = await request.post(`${base}api/invoke`, {
    data: { name: 'plans.list', args: {} },
    headers: { Host: 'evil.example:80', 'X-PlanDesk-Token': 'x' },
  });
  expect(wrongHost.status()).toBe(403);
});
