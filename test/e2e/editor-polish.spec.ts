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

test('the title (and 文号) at the top of the page as printed; one title with the header and 文档信息', async ({ page }) => {
  await importSample(page);
  const head = page.locator('.page-head');
  const title = head.locator('.page-title');
  await expect(title).toHaveText('2020年全市安全生产工作要点');
  expect(await title.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('方正小标宋简体');

  // 文号 from 文档信息: centred over the title, the red line under it.
  await page.getByRole('tab', { name: '文档信息' }).click();
  const info = page.getByRole('region', { name: '文档信息' });
  await info.getByRole('textbox', { name: '文号' }).fill('滕安发〔2020〕3号');
  const number = head.locator('.page-doc-number');
  await expect(number).toHaveText('滕安发〔2020〕3号');
  const sheet = (await page.locator('.page-sheet').boundingBox())!;
  const numberBox = (await number.boundingBox())!;
  const lineBox = (await title.locator('.page-title-line').first().boundingBox())!;
  expect(numberBox.y + numberBox.height).toBeLessThan(lineBox.y);
  expect(Math.abs(lineBox.x + lineBox.width / 2 - (sheet.x + sheet.width / 2))).toBeLessThan(2);
  expect(await number.evaluate((el) => getComputedStyle(el).borderBottomColor)).toBe('rgb(224, 0, 0)');
  expect(await number.evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');

  // Edited on the page: the header and 文档信息 follow; Escape takes an edit back.
  await title.getByRole('button').click();
  const field = head.getByRole('textbox', { name: '标题' });
  await field.fill('2020年全市安全生产工作要点和重点任务分工方案及考核办法');
  await expect(page.locator('#plan-title')).toHaveText('2020年全市安全生产工作要点和重点任务分工方案及考核办法');
  await expect(info.getByRole('textbox', { name: '标题' })).toHaveValue('2020年全市安全生产工作要点和重点任务分工方案及考核办法');
  await field.press('Enter');
  // A long title is broken into lines as the export breaks it.
  const { splitTitle } = await import('../../shared/export/title-lines');
  await expect(title.locator('.page-title-line')).toHaveText(splitTitle('2020年全市安全生产工作要点和重点任务分工方案及考核办法'));
  await expect(title.getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await field.fill('不要的标题');
  await field.press('Escape');
  await expect(title).toHaveText('2020年全市安全生产工作要点和重点任务分工方案及考核办法');
  await expect(page.locator('#plan-title')).toHaveText('2020年全市安全生产工作要点和重点任务分工方案及考核办法');

  // Edited in 文档信息: the page follows.
  await info.getByRole('textbox', { name: '标题' }).fill('2020年全市安全生产工作要点');
  await expect(title).toHaveText('2020年全市安全生产工作要点');
  await expect(page.locator('#plan-title')).toHaveText('2020年全市安全生产工作要点');
});

test('the outline shows a whole title on hover and can be made wider or narrower (drag or keys), remembered', async ({ page }) => {
  await importSample(page);
  const outline = page.getByRole('navigation', { name: '提纲' });
  const long = '深入开展习近平总书记关于安全生产重要论述的宣贯教育活动';
  const link = outline.getByRole('button', { name: new RegExp(long) });
  await expect(link).toHaveAttribute('title', new RegExp(`^1\\.${long}`));
  // At the default width the title is cut short on screen.
  expect(await link.locator('.title').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  const handle = page.getByRole('separator', { name: '调整提纲宽度' });
  const width = async () => Math.round((await outline.boundingBox())!.width);
  expect(await width()).toBe(240);
  // Keyboard: ← → by 16 px, End and Home to the widest and narrowest.
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '272');
  expect(await width()).toBe(272);
  await page.keyboard.press('End');
  await expect(handle).toHaveAttribute('aria-valuenow', '480');
  await page.keyboard.press('Home');
  await expect(handle).toHaveAttribute('aria-valuenow', '180');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '180');

  // Drag: 180 + 420 px is past the widest, so 480; the whole title fits then.
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + 200, { steps: 4 });
  await expect(handle).toHaveAttribute('aria-valuenow', '380');
  await page.mouse.move(box.x + box.width / 2 + 420, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', '480');
  expect(await width()).toBe(480);
  expect(await link.locator('.title').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);

  // Remembered: the next time the editor opens, the outline has that width.
  await page.reload();
  await expect(page.getByRole('separator', { name: '调整提纲宽度' })).toHaveAttribute('aria-valuenow', '480');
  expect(await width()).toBe(480);
});

test('编号方式 in a labelled menu: each level’s choice in words, by mouse or keyboard', async ({ page }) => {
  await importSample(page);
  const toolbar = page.getByRole('toolbar', { name: '编辑工具' });
  // No unlabelled selects behind bare “（一）” and “1.” any more.
  await expect(toolbar.getByRole('combobox')).toHaveCount(0);
  const button = toolbar.getByRole('button', { name: '编号方式' });
  await expect(button).toHaveAttribute('title', '编号方式（二级标题（一）：各节重新编号；任务 1.：全文连续编号）');
  await expect(tasks(page).nth(6)).toHaveAttribute('data-label', '7.');

  // Keyboard: open, go to the tasks' choices, pick 各节重新编号, close with Escape.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const menu = toolbar.getByRole('group', { name: '编号方式' });
  const headingsChoice = menu.getByRole('group', { name: '二级标题（一）' });
  const tasksChoice = menu.getByRole('group', { name: '任务 1.' });
  await expect(headingsChoice.getByRole('radio', { name: '各节重新编号' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tasksChoice.getByRole('radio', { name: '全文连续编号' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(tasksChoice.getByRole('radio', { name: '各节重新编号' })).toBeChecked();
  await expect(tasks(page).nth(6)).toHaveAttribute('data-label', '1.');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('title', '编号方式（二级标题（一）：各节重新编号；任务 1.：各节重新编号）');

  // Mouse: back to 全文连续编号; a press outside closes the menu.
  await button.click();
  await tasksChoice.getByText('全文连续编号').click();
  await expect(tasks(page).nth(6)).toHaveAttribute('data-label', '7.');
  await page.locator('.page-head').click();
  await expect(menu).toHaveCount(0);
});
