import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { pageApi, samples, useApp } from './app';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'compare');
const app = useApp();

test('check a county draft against the city plan: coverage, decisions, insert, table, diff', async ({ page }) => {
  await page.goto(app().url);
  // The county draft arrives as a colleague's .plan.json.
  await page.getByTestId('import-file-input').setInputFiles(join(fixtures, 'tengzhou-qingshan.draft.plan.json'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('heading', { name: '2020年全县安全生产工作要点' })).toBeVisible();
  await page.getByRole('button', { name: '对照', exact: true }).click();

  // Import the city plan as the upper document.
  await page.getByLabel('导入上级文件').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  const dialog = page.getByRole('dialog', { name: /导入上级文件/ });
  await dialog.getByRole('combobox', { name: '发文层级' }).selectOption('city');
  await dialog.getByRole('button', { name: '确认导入' }).click();

  const summary = page.getByLabel('落实情况', { exact: true });
  await expect(summary).toContainText(/总体落实率 \d+%/);
  const list = page.getByRole('region', { name: '上级任务' });
  await expect(list.getByRole('button').filter({ hasText: '深入开展习近平总书记关于安全生产重要论述' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/coverage.png' });

  // A covered task shows its draft link with shared phrases; confirm it, and it stays confirmed.
  await list.getByRole('button').filter({ hasText: '完善落实安全生产责任制' }).click();
  const detail = page.getByRole('region', { name: '落实情况详情' });
  const link = detail.getByRole('listitem', { name: /关联 .*完善落实安全生产责任制/ });
  await expect(link.locator('mark').first()).toBeVisible();
  await link.getByRole('button', { name: '确认' }).click();
  await expect(link).toContainText('已确认');
  await link.getByRole('button', { name: '逐字对比' }).click();
  await expect(detail.getByLabel('逐字对比')).toBeVisible();

  // Missing ones first in their filter; insert one into the draft.
  await page
    .getByRole('group', { name: '筛选' })
    .getByRole('button', { name: /^未落实/ })
    .click();
  const missing = list.locator('.upper-row');
  const before = await missing.count();
  expect(before).toBeGreaterThan(0);
  const firstMissing = (await missing.first().locator('.title').textContent())!;
  await missing.first().click();
  await detail.getByRole('button', { name: '插入为新任务' }).click();
  await expect(page.getByText(/已把“.*”插入草稿/)).toBeVisible();
  await expect(list.locator('.upper-row').filter({ hasText: firstMissing })).toHaveCount(0);

  // The table for the review meeting.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出对照表' }).click()]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('上级任务');
  expect(xml).toContain('已落实');

  // Decisions survive a reload.
  await page.reload();
  await page.getByRole('region', { name: '上级任务' }).getByRole('button').filter({ hasText: '完善落实安全生产责任制' }).click();
  await expect(page.getByRole('region', { name: '落实情况详情' }).getByRole('listitem', { name: /关联 .*完善落实安全生产责任制/ })).toContainText('已确认');

  // Against last year / another plan.
  await page.getByRole('tab', { name: '与往年对比' }).click();
  const diff = page.getByRole('region', { name: '与往年对比' });
  // The save point taken when the draft was imported, before the upper task was inserted.
  await expect(diff.locator('option').filter({ hasText: '导入' })).toHaveCount(1);
  const options = await diff.locator('option').allTextContents();
  await diff.getByRole('combobox', { name: '对比对象' }).selectOption({ label: options.find((o) => o.includes('导入'))! });
  await expect(diff.getByLabel('变化概况')).toContainText('新增 1 项');
  await page.screenshot({ path: 'test-results/screens/diff.png' });

  // Back in the editor, the inserted task is there with placeholder units.
  await page.getByRole('button', { name: '← 返回编辑' }).click();
  await expect(
    page
      .locator('.plan-page .plan-task')
      .filter({ hasText: firstMissing.slice(0, 8) })
      .first(),
  ).toContainText('〔牵头单位〕');

  // Issue 14: the confirmed draft task is deleted (by a colleague, through the library); its
  // confirmation goes with it and does not attach itself to any other task.
  const api = (name: string, args: unknown) => pageApi(page, name, args);
  type Node = { type: string; title?: string; children?: Node[] };
  const plans = (await api('plans.list', {})) as Array<{ id: string; title: string }>;
  const draftId = plans.find((p) => p.title === '2020年全县安全生产工作要点')!.id;
  const record = (await api('plans.get', { id: draftId })) as { revision: number; doc: { body: Node[] } };
  let removed = 0;
  const drop = (nodes: Node[]): Node[] =>
    nodes
      .filter((n) => !(n.type === 'task' && n.title?.includes('完善落实安全生产责任制') && ++removed))
      .map((n) => (n.children ? { ...n, children: drop(n.children) } : n));
  record.doc.body = drop(record.doc.body);
  expect(removed).toBe(1);
  await api('plans.save', { id: draftId, baseRevision: record.revision, doc: record.doc });
  await page.reload();
  await page.getByRole('button', { name: '对照', exact: true }).click();
  await page.getByRole('region', { name: '上级任务' }).getByRole('button').filter({ hasText: '完善落实安全生产责任制' }).click();
  const after = page.getByRole('region', { name: '落实情况详情' });
  await expect(after).toBeVisible();
  await expect(after.getByRole('listitem').filter({ hasText: '已确认' })).toHaveCount(0);
  await expect(after.getByRole('listitem', { name: /关联 .*完善落实安全生产责任制/ })).toHaveCount(0);
});
