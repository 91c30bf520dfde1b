import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { createPlan, samples, useApp } from './app';

const app = useApp();

test('export the imported 滕州 plan as an issued notice and as a task table', async ({ page }) => {
  await page.goto(app().url);
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  await expect(page.locator('.plan-page .plan-task').first()).toBeVisible();

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: '导出 DOCX' });
  await expect(dialog.getByRole('textbox', { name: '文件名' })).toHaveValue('2020年全市安全生产工作要点.docx');
  await expect(dialog.getByLabel('缺少的信息')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: /要点作为附件/ }).check();
  await page.screenshot({ path: 'test-results/screens/export-dialog.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('2020年全市安全生产工作要点.docx');
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('滕安发〔2020〕3号');
  expect(xml).toContain('加强安全宣传工作');
  expect(xml).toContain('附件');
  await expect(dialog.getByRole('status')).toContainText('已生成');
  await dialog.getByRole('button', { name: '完成' }).click();

  await page.keyboard.press('Control+e');
  const again = page.getByRole('dialog', { name: '导出 DOCX' });
  const [table] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: '导出任务分工表' }).click()]);
  expect(table.suggestedFilename()).toBe('2020年全市安全生产工作要点任务分工表.docx');
  const tzip = await JSZip.loadAsync(readFileSync((await table.path())!));
  const txml = await tzip.file('word/document.xml')!.async('string');
  expect(txml).toContain('牵头单位');
  expect(txml).toContain('w:orient="landscape"');
});

test('a new plan in notice form lists exactly what is missing and cannot be exported yet', async ({ page }) => {
  await page.goto(app().url);
  await createPlan(page, '2026年全县安全生产工作要点', '2026');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出 DOCX' });
  const missing = dialog.getByLabel('缺少的信息');
  await expect(missing).toContainText('发文机关');
  await expect(missing).toContainText('文号');
  await expect(missing).toContainText('主送机关');
  await expect(missing).toContainText('成文日期');
  await expect(missing).not.toContainText('meta.');
  await expect(dialog.getByRole('button', { name: '导出', exact: true })).toBeDisabled();
  // The plan alone needs only a title.
  await dialog.getByRole('radio', { name: '要点单独成文' }).check();
  await expect(missing).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: '导出', exact: true })).toBeEnabled();
  // Fill the 文号 badly: the dialog warns with the corrected form.
  await dialog.getByRole('radio', { name: /以印发通知印发/ }).check();
  await dialog.getByRole('button', { name: '到“文档信息”中填写' }).click();
  const info = page.getByRole('region', { name: '文档信息' });
  await info.getByRole('textbox', { name: '文号' }).fill('县安发[2026]第003号');
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存', { timeout: 10_000 });
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '导出 DOCX' }).getByLabel('提示')).toContainText('县安发〔2026〕3号');
});

test('字体方案: the 堃 warning under 标准, 通用 exports 宋体加粗 / 仿宋 / 黑体 / 楷体 and is remembered for the office', async ({ page }) => {
  await page.goto(app().url);
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  const task = page.locator('.plan-page .plan-task').first();
  await expect(task).toBeVisible();
  await task.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('王堃');
  await expect(page.getByRole('status', { name: '保存状态' })).toHaveText('已保存', { timeout: 10_000 });

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: '导出 DOCX' });
  await expect(dialog.getByRole('radio', { name: /标准/ })).toBeChecked();
  await expect(dialog.getByLabel('提示')).toContainText('中的“堃”不在 GB2312 字符集中，仿宋_GB2312 无法显示，建议使用通用字体方案或核对用字');
  await dialog.getByRole('radio', { name: /通用/ }).check();
  await expect(dialog.getByLabel('提示')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/export-font-scheme.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('w:eastAsia="仿宋"');
  expect(xml).not.toContain('_GB2312');
  expect(await zip.file('word/fontTable.xml')!.async('string')).toContain('<w:font w:name="宋体">');
  await dialog.getByRole('button', { name: '完成' }).click();

  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: '导出 DOCX' }).getByRole('radio', { name: /通用/ })).toBeChecked();
});
