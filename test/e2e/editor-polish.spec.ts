// The editor page as a drafter reads it (issue 18): the control for a task without units is UI,
// not text; the title at the top of the page; the outline's full titles and width; the
// numbering settings labelled.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { caretInto, samples, selectContents, useApp } from './app';

const app = useApp();
const tasks = (page: Page) => page.locator('.plan-page .plan-task');

async function importSample(page: Page) {
  await page.goto(app().url);
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  await expect(tasks(page).first()).toBeVisible();
}

test('a task without units shows a 设置责任单位 control that is not text: not copied, not in the running text, opened by click or Ctrl+Alt+U', async ({
  page,
}) => {
  await importSample(page);
  await tasks(page).nth(2).locator('.task-title').click();
  await page.getByRole('button', { name: '新任务' }).click();
  await page.keyboard.type('Xinrenwu');
  const task = tasks(page).nth(3);
  await expect(task.locator('.task-title')).toHaveText('Xinrenwu');

  const chip = task.getByRole('button', { name: '设置责任单位' });
  await expect(chip).toBeVisible();
  await expect(chip).toHaveAttribute('contenteditable', 'false');
  expect(await chip.evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  // The words are drawn, not written: neither the task's text nor what the browser would copy has them.
  expect(await task.textContent()).not.toContain('设置责任单位');
  expect(await task.innerText()).not.toContain('设置责任单位');

  // Copying the whole task: the clipboard has the task, not the control.
  await page.evaluate(() => {
    window.addEventListener('copy', (e) => ((window as unknown as { copied?: string }).copied = e.clipboardData?.getData('text/plain')));
  });
  await selectContents(task);
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');
  expect(copied).toContain('Xinrenwu');
  expect(copied).not.toContain('设置责任单位');

  // Keyboard: Ctrl+Alt+U in the task opens its units; Escape returns to the text.
  await caretInto(task.locator('.task-title'));
  await page.keyboard.press('Control+Alt+U');
  const dialog = page.getByRole('dialog', { name: /责任单位/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.plan-page')).toBeFocused();

  // Click: set a lead unit; the control gives way to the printed parenthetical.
  await chip.click();
  await dialog.getByRole('combobox', { name: '添加牵头单位' }).fill('市应急局');
  await dialog.getByRole('combobox', { name: '添加牵头单位' }).press('Enter');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(task.getByRole('button', { name: '设置责任单位' })).toHaveCount(0);
  await expect(task.getByRole('button', { name: '编辑责任单位' })).toHaveText(/（市应急局/);
});
