import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { samples, useApp } from './app';

const app = useApp();
const formats = join(samples, '..', 'fixtures', 'formats');

test('the import chooser offers the office formats, and an OFD file is read into the preview', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByRole('heading', { name: '计划资料库' })).toBeVisible();
  const input = page.getByTestId('import-file-input');
  for (const ext of ['.docx', '.doc', '.wps', '.pdf', '.ofd', '.odt', '.rtf']) await expect(input).toHaveAttribute('accept', new RegExp(`(^|,)\\${ext}(,|$)`));
  await expect(page.getByRole('region', { name: '资料库为空' })).toContainText('PDF、OFD');
  await page.screenshot({ path: 'test-results/screens/library-empty-formats.png' });
  await input.setInputFiles(join(formats, 'converted-from-docx.ofd'));
  const dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByLabel('识别结果')).toContainText('2 项任务');
  await expect(dialog.getByRole('region', { name: '提纲预览' })).toContainText('业务管理员（最新测评需要该角色）');
  await page.screenshot({ path: 'test-results/screens/import-ofd-preview.png' });
  await dialog.getByRole('button', { name: '取消' }).click();
});

test('an Excel file renamed .doc says what it is', async ({ page }) => {
  await page.goto(app().url);
  // An OLE compound file whose directory names a Workbook stream, not WordDocument.
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  Buffer.from('Workbook', 'utf16le').copy(bytes, 1024);
  await page.getByTestId('import-file-input').setInputFiles({ name: '表格.doc', mimeType: 'application/msword', buffer: bytes });
  const dialog = page.getByRole('dialog', { name: /导入/ });
  await expect(dialog.getByRole('alert')).toContainText('Excel');
  await expect(dialog.getByRole('alert')).toContainText('不是 Word/WPS 文字文档');
  await dialog.getByRole('button', { name: '取消' }).click();
});
