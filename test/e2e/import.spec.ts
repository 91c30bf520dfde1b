import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samples, useApp } from './app';

const app = useApp();

test('import the 滕州 page: preview, warnings, cancel leaves nothing, confirm opens it', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByRole('heading', { name: '计划资料库' })).toBeVisible();

  // Cancel first: nothing is stored.
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  let dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByRole('region', { name: '识别结果' }).or(dialog.getByLabel('识别结果'))).toContainText('19 项任务');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('region', { name: '资料库为空' })).toBeVisible();

  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByLabel('识别结果')).toContainText('19 项任务');
  await expect(dialog.getByRole('textbox', { name: '标题' })).toHaveValue('2020年全市安全生产工作要点');
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('2020');
  const warnings = dialog.getByRole('region', { name: '需要核对' });
  await expect(warnings).toContainText('第13项责任单位括号不完整');
  await expect(dialog.getByRole('region', { name: '基本信息' })).toContainText('滕安发〔2020〕3号');
  await expect(dialog.getByRole('region', { name: '提纲预览' })).toContainText('（四）提升应急处置能力');
  await page.screenshot({ path: 'test-results/screens/import-preview.png' });
  await dialog.getByRole('button', { name: '确认导入' }).click();

  await expect(page.getByRole('heading', { name: '2020年全市安全生产工作要点' })).toBeVisible();
  await page.getByRole('button', { name: '← 资料库' }).click();
  await expect(page.getByRole('row', { name: '2020年全市安全生产工作要点' })).toContainText('19');
});

test('dropping a file on the window imports it', async ({ page }) => {
  await page.goto(app().url);
  const bytes = readFileSync(join(samples, 'nanxun-2021-yingji-yaodian.txt')).toString('base64');
  await page.evaluate(async (b64) => {
    const bin = atob(b64);
    const arr = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([arr], '南浔区2021年应急管理工作要点.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, bytes);
  const dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByLabel('识别结果')).toContainText('22 项任务');
  await expect(dialog.getByRole('textbox', { name: '标题' })).toHaveValue('2021年南浔区应急管理工作要点');
  await dialog.getByRole('button', { name: '取消' }).click();
});

test('an old .doc file gets a clear Chinese message and nothing is stored', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByRole('region', { name: '资料库为空' }).or(page.getByRole('table', { name: '计划列表' }))).toBeVisible();
  const before = await page.getByRole('row').count();
  await page.getByTestId('import-file-input').setInputFiles({
    name: '2019年工作要点.doc',
    mimeType: 'application/msword',
    buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]),
  });
  const dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByRole('alert')).toContainText('.docx');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('row')).toHaveCount(before);
});

test('pasted text is analysed the same way', async ({ page }) => {
  await page.goto(app().url);
  await page.getByRole('button', { name: '粘贴导入' }).click();
  const dialog = page.getByRole('dialog', { name: /导入/ });
  const text = [
    '2026年全县安全生产工作要点',
    '一、压实责任',
    '1.落实党政领导责任。每半年至少召开1次专题会议。（县安委办牵头，各乡镇负责落实）',
    '2.落实企业主体责任。年底前完成全员培训。（县应急局负责）',
  ].join('\n');
  await dialog.getByRole('textbox', { name: '粘贴内容' }).focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await dialog.getByRole('button', { name: '分析' }).click();
  await expect(dialog.getByLabel('识别结果')).toContainText('2 项任务');
  await expect(dialog.getByRole('region', { name: '提纲预览' })).toContainText('县安委办▲');
});
