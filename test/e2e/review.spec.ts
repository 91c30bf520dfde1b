import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { samples, useApp } from './app';

const app = useApp();

test('comments: ask who is reviewing once, comment, reply, resolve, anchors survive edits, moves and reload', async ({ page }) => {
  await page.goto(app().url);
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  const tasks = page.locator('.plan-page .plan-task');
  await expect(tasks.first()).toBeVisible();

  // Select the title of task 4 and comment on it.
  await tasks.nth(3).locator('.task-title').dblclick();
  await page.evaluate(() => {
    const el = document.querySelectorAll('.plan-page .plan-task')[3]!.querySelector('.task-title')!;
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  });
  await page.waitForTimeout(100);
  await page.getByRole('button', { name: '批注', exact: true }).click();
  const who = page.getByRole('dialog', { name: '您是谁' });
  await who.getByRole('textbox', { name: '姓名' }).fill('王五');
  await who.getByRole('textbox', { name: '单位' }).fill('市委组织部');
  await who.getByRole('button', { name: '确定' }).click();
  const add = page.getByRole('dialog', { name: '添加批注' });
  await expect(add).toContainText('加强安全生产考核');
  await add.getByRole('textbox', { name: '批注内容' }).fill('建议明确考核比重');
  await add.getByRole('button', { name: '添加' }).click();

  const panel = page.getByRole('region', { name: '批注' });
  const thread = panel.getByRole('listitem', { name: /建议明确考核比重/ });
  await expect(thread).toContainText('王五');
  await expect(thread).toContainText('市委组织部');
  await expect(tasks.nth(3).locator('.comment-mark')).toHaveText('加强安全生产考核');

  // Reply; the second comment does not ask again who is reviewing.
  await thread.getByRole('textbox', { name: '回复' }).fill('拟采纳');
  await thread.getByRole('button', { name: '回复' }).click();
  await expect(thread).toContainText('拟采纳');

  // Edit around the anchor and move its section: the anchor stays on the same words.
  await tasks.nth(3).locator('.task-title').click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('Home');
  await page.keyboard.type('XX');
  await page.locator('.plan-page .plan-heading').filter({ hasText: '压实安全生产责任' }).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('.plan-page .comment-mark')).toHaveText('加强安全生产考核');

  // Resolve; it leaves the open list and shows under 已解决.
  await thread.getByRole('button', { name: '解决' }).click();
  await expect(panel.getByRole('listitem', { name: /建议明确考核比重/ })).toHaveCount(0);
  await panel.getByRole('button', { name: '已解决' }).click();
  await expect(panel.getByRole('listitem', { name: /建议明确考核比重/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/comments.png' });

  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存', { timeout: 10_000 });
  await page.reload();
  await expect(page.locator('.plan-page .comment-mark')).toHaveText('加强安全生产考核');
  await page.getByRole('tab', { name: '批注' }).click();
  await page.getByRole('region', { name: '批注' }).getByRole('button', { name: '全部' }).click();
  const again = page.getByRole('region', { name: '批注' }).getByRole('listitem', { name: /建议明确考核比重/ });
  await expect(again).toContainText('拟采纳');

  // Delete the commented words: the thread is kept, shown as detached.
  await page.locator('.plan-page .comment-mark').dblclick();
  await page.evaluate(() => {
    const el = document.querySelector('.plan-page .comment-mark')!;
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  });
  await page.waitForTimeout(100);
  await page.keyboard.press('Delete');
  await expect(page.locator('.plan-page .comment-mark')).toHaveCount(0);
  await expect(again).toContainText('原文已删除');
});
