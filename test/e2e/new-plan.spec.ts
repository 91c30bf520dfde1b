import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { pageApi, samples, useApp } from './app';

const app = useApp();

/** The 滕州 2020 要点 imported, then 新建 → 基于往年要点 opened; returns the dialog. */
async function rolloverDialog(page: Page) {
  await page.goto(app().url);
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  await expect(page.locator('.plan-page .plan-task').first()).toBeVisible();
  await page.getByRole('button', { name: '← 资料库' }).click();
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建计划' });
  await dialog.getByRole('tab', { name: '基于往年要点' }).click();
  return dialog;
}

test('基于往年要点: roll the 滕州 2020 plan to 2021, see the flags, dismiss one, it stays dismissed', async ({ page }) => {
  const dialog = await rolloverDialog(page);
  await expect(dialog.getByRole('combobox', { name: '往年的要点' })).toContainText('2020年全市安全生产工作要点');
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('2021');
  await dialog.getByRole('button', { name: '生成预览' }).click();
  const summary = dialog.getByRole('region', { name: '新草稿概况' });
  await expect(summary.getByRole('textbox', { name: '新计划标题' })).toHaveValue('2021年全市安全生产工作要点');
  await expect(summary).toContainText('沿用 19 项任务');
  await expect(summary.getByRole('list', { name: '需要核对' })).toContainText(/往年年份.*[1-9]/);
  await expect(summary).toContainText('十三五');
  await page.screenshot({ path: 'test-results/screens/rollover-summary.png' });
  // Each flag is a link into the new draft: it creates the draft and opens it at that place.
  await summary.getByRole('button', { name: /5月份全国防汛抗旱演练/ }).click();
  await expect(page.getByRole('heading', { name: '2021年全市安全生产工作要点' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('.plan-task, .plan-heading, p')?.textContent ?? ''))
    .toContain('全国防汛抗旱演练');
  const checks = page.getByRole('region', { name: '校对' });
  const stale = checks.getByRole('listitem').filter({ hasText: '十三五' }).first();
  await expect(stale).toBeVisible();
  const staleText = (await stale.locator('.check-message').textContent())!;
  await stale.getByRole('button', { name: '忽略' }).click();
  await expect(checks.getByRole('listitem').filter({ hasText: staleText })).toHaveCount(0);
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存', { timeout: 10_000 });
  await page.reload();
  await expect(page.getByRole('region', { name: '校对' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '校对' }).getByRole('listitem').filter({ hasText: staleText })).toHaveCount(0);
  // The historical 2019 reference is kept as written and flagged.
  await expect(page.locator('.plan-page')).toContainText('2019年全国生产安全事故主要特点');
  await expect(page.getByRole('region', { name: '校对' }).getByRole('listitem').filter({ hasText: '2019' }).first()).toBeVisible();
});

test('从模板新建, 另存为模板, rename and delete a user template', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建计划' });
  await dialog.getByRole('tab', { name: '从模板新建' }).click();
  await dialog.getByRole('radio', { name: /乡镇/ }).check();
  await dialog.getByRole('textbox', { name: '发文机关' }).fill('青山镇人民政府');
  await dialog.getByRole('textbox', { name: '年度' }).fill('2026');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('heading', { name: /青山镇.*2026年/ })).toBeVisible();
  await expect(page.locator('.plan-page')).not.toContainText('【');

  await page.getByRole('button', { name: '另存为模板' }).click();
  const save = page.getByRole('dialog', { name: '另存为模板' });
  await save.getByRole('textbox', { name: '模板名称' }).fill('青山镇要点模板');
  await save.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已另存为模板“青山镇要点模板”')).toBeVisible();

  await page.getByRole('button', { name: '← 资料库' }).click();
  await page.getByRole('button', { name: '模板', exact: true }).click();
  const list = page.getByRole('region', { name: '模板列表' });
  await expect(list.getByRole('row', { name: '青山镇要点模板' })).toContainText('我的模板');
  await list.getByRole('button', { name: '改名 青山镇要点模板' }).click();
  await list.getByRole('textbox', { name: '模板新名称' }).fill('乡镇要点（本单位）');
  await list.getByRole('button', { name: '确定' }).click();
  await expect(list.getByRole('row', { name: '乡镇要点（本单位）' })).toBeVisible();
  await list.getByRole('button', { name: '删除 乡镇要点（本单位）' }).click();
  await expect(list.getByRole('row', { name: '乡镇要点（本单位）' })).toHaveCount(0);
  await expect(list.getByRole('row')).toHaveCount(5); // header + the four bundled templates
});

/** Every box on one line (vertical centres within a few pixels): nothing wrapped. */
async function expectOneLine(boxes: Array<import('@playwright/test').Locator>, what: string): Promise<void> {
  const mids: number[] = [];
  for (const b of boxes) {
    const box = (await b.boundingBox())!;
    mids.push(box.y + box.height / 2);
  }
  const spread = Math.max(...mids) - Math.min(...mids);
  expect(spread, `${what}: centres ${mids.map((t) => t.toFixed(1)).join(', ')}`).toBeLessThan(6);
}

test('rollover preview at 1366 × 768: tags, controls and buttons stay on one line, nothing overflows', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const dialog = await rolloverDialog(page);
  await dialog.getByRole('button', { name: '生成预览' }).click();
  const summary = dialog.getByRole('region', { name: '新草稿概况' });
  await expect(summary).toContainText('沿用 19 项任务');

  // Each flag: its tag and the start of its message on the same line.
  const flags = summary.locator('.flag-list > li');
  const n = await flags.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) {
    const li = flags.nth(i);
    await li.scrollIntoViewIfNeeded();
    const badge = (await li.locator('.badge').boundingBox())!;
    const range = await li.evaluate((el) => {
      // The first character of the message, wherever it sits.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (t.parentElement?.closest('.badge') || !t.textContent?.trim()) continue;
        const r = document.createRange();
        const k = t.textContent.search(/\S/);
        r.setStart(t, k);
        r.setEnd(t, k + 1);
        const b = r.getBoundingClientRect();
        return { y: b.y, height: b.height };
      }
      return null;
    });
    expect(range, `flag ${i + 1} has a message`).not.toBeNull();
    const badgeMid = badge.y + badge.height / 2;
    expect(badgeMid, `flag ${i + 1}: tag and message on one line`).toBeGreaterThan(range!.y);
    expect(badgeMid, `flag ${i + 1}: tag and message on one line`).toBeLessThan(range!.y + range!.height);
  }
  // The counts, the tabs and the footer buttons each on one line.
  await expectOneLine(await summary.getByRole('list', { name: '需要核对' }).getByRole('listitem').all(), '需要核对');
  await expectOneLine(await dialog.getByRole('tab').all(), '新建方式');
  await expectOneLine(await dialog.locator('.dialog-footer button').all(), '按钮');
  // Nothing wider than its box, and the dialog inside the window.
  const overflow = await dialog.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      .map((el) => el.className || el.tagName),
  );
  expect(overflow, 'elements with horizontal overflow').toEqual([]);
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await page.screenshot({ path: 'test-results/screens/rollover-1366.png' });
});

test('rollover of a title without a year: the new year is proposed, the title can be edited before creating', async ({ page }) => {
  await page.goto(app().url);
  await pageApi(page, 'plans.create', { title: '全县安全生产工作要点', year: 2021 });
  await page.reload();
  await page.getByRole('button', { name: '新建', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '新建计划' });
  await dialog.getByRole('tab', { name: '基于往年要点' }).click();
  await dialog.getByRole('combobox', { name: '往年的要点' }).selectOption({ label: '全县安全生产工作要点（2021年）' });
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('2022');
  await dialog.getByRole('button', { name: '生成预览' }).click();
  const title = dialog.getByRole('textbox', { name: '新计划标题' });
  await expect(title).toHaveValue('2022年全县安全生产工作要点');
  await expectOneLine([dialog.locator('.rollover-title span'), title], '新计划标题');
  // The old name again: a warning, and still allowed.
  await title.fill('全县安全生产工作要点');
  await expect(dialog.getByRole('note').filter({ hasText: '与原计划相同' })).toBeVisible();
  await title.fill('2022年全县安全生产工作要点（征求意见稿）');
  await expect(dialog.getByRole('note').filter({ hasText: '与原计划相同' })).toHaveCount(0);
  await dialog.getByRole('button', { name: '创建草稿' }).click();
  await expect(page.getByRole('heading', { name: '2022年全县安全生产工作要点（征求意见稿）' })).toBeVisible();
  await page.getByRole('button', { name: '← 资料库' }).click();
  await expect(page.getByRole('row', { name: /2022年全县安全生产工作要点（征求意见稿）/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^全县安全生产工作要点/ })).toHaveCount(1);
});
