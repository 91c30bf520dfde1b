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

test('the preview says where the year, title and 主送 came from, asks for a year it cannot find, and keeps corrections', async ({ page }) => {
  await page.goto(app().url);
  // A notice whose titles carry no year: the year comes from the 文号.
  const withDocNumber = [
    '当前位置: 首页 » 政策法规',
    '关于印发安全生产工作要点的通知',
    '某安发[2019]3号',
    '各镇(街道),区直各部门:',
    '现将《某区安全生产工作要点》印发给你们,请认真贯彻执行。',
    '某区安全生产委员会',
    '2019年2月3日',
    '某区安全生产工作要点',
    '一、重点工作',
    '（一）压实责任。各单位落实主体责任。',
  ].join('\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: '要点.txt', mimeType: 'text/plain', buffer: Buffer.from(withDocNumber) });
  let dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('2019');
  await expect(dialog.getByTestId('origin-year')).toHaveText('来自：文号中的年份（某安发〔2019〕3号）');
  await expect(dialog.getByTestId('origin-title')).toContainText('正文中的标题行');
  await expect(dialog.getByRole('textbox', { name: '主送机关' })).toHaveValue('各镇（街道）、区直各部门');
  await expect(dialog.getByTestId('origin-addressees')).toContainText('主送机关行');
  await expect(dialog.getByRole('region', { name: '需要核对' })).toContainText('处半角标点改为全角');
  await page.screenshot({ path: 'test-results/screens/import-origins.png' });
  // The 主送 is corrected before 确认导入 and the correction is what is stored.
  await dialog.getByRole('textbox', { name: '主送机关' }).fill('各镇（街道）、区直各部门、各有关企业');
  await expect(dialog.getByTestId('origin-addressees')).toHaveText('已手动修改');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('heading', { name: '某区安全生产工作要点' })).toBeVisible();
  await page.getByRole('tab', { name: '文档信息' }).click();
  await expect(page.getByRole('textbox', { name: '主送机关' })).toHaveValue('各镇（街道）、区直各部门、各有关企业');
  await page.getByRole('button', { name: '← 资料库' }).click();

  // No year anywhere: the box is empty, 确认导入 asks for it; nothing is stored until it is given.
  const noYear = ['某乡安全生产工作要点', '一、重点工作', '（一）压实责任。各单位落实主体责任。'].join('\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: '无年份.txt', mimeType: 'text/plain', buffer: Buffer.from(noYear) });
  dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('');
  await expect(dialog.getByTestId('origin-year')).toHaveText('来自：未找到');
  await page.screenshot({ path: 'test-results/screens/import-no-year.png' });
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog.getByRole('alert')).toContainText('未能从原文中识别出年度');
  await expect(page.getByRole('row', { name: /某乡安全生产工作要点/ })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: '年度' }).fill('2025');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('heading', { name: '某乡安全生产工作要点' })).toBeVisible();
  await page.getByRole('button', { name: '← 资料库' }).click();
  await expect(page.getByRole('row', { name: /某乡安全生产工作要点/ })).toContainText('2025');
});

test('a township notice with flat 一、 tasks imports, edits and keeps its tasks at level 1', async ({ page }) => {
  await page.goto(app().url);
  const flat = [
    '各村(社区),镇安委会各成员单位:',
    '现将《某镇2024年安全生产工作要点》印发给你们,请认真贯彻执行。',
    '某市某镇人民政府',
    '2024年6月5日',
    '某镇2024年安全生产工作要点',
    '一、牢固树立安全发展理念。推动各村(社区)学习贯彻。',
    '二、深入开展隐患排查整治。推动企业落实主体责任。',
  ].join('\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: '镇要点.txt', mimeType: 'text/plain', buffer: Buffer.from(flat) });
  const dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByLabel('识别结果')).toContainText('0 个标题、2 项任务');
  await expect(dialog.getByRole('textbox', { name: '年度' })).toHaveValue('2024');
  await expect(dialog.getByRole('region', { name: '基本信息' })).toContainText('某市某镇人民政府');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('heading', { name: '某镇2024年安全生产工作要点' })).toBeVisible();
  const tasks = page.locator('.plan-page .plan-task');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.nth(0)).toHaveAttribute('data-label', '一、');
  await expect(tasks.nth(1)).toHaveAttribute('data-label', '二、');
  await page.screenshot({ path: 'test-results/screens/import-flat-tasks.png' });
});
