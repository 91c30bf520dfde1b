import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { pageApi, useApp } from './app';
import { coverageDraft, coverageUpper } from '../helpers/coverage-pair';

// Issue 15: the coverage view shows partial coverage and what was left out, why each link was
// proposed, and target findings quoted side by side with a one-line reason; a decision shows
// within a frame (no new run of the comparison); the 对照表 DOCX carries the same texts.
const app = useApp();
const SHOTS = 'test-results/screens';

/** Paragraph texts of the DOCX's table cells: rows → cells → paragraphs. */
async function tableCells(bytes: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
  return [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    ),
  );
}

test('partial coverage, link reasons and target findings; a rejection shows at once; the 对照表 carries them', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(app().url);
  await expect(page.getByRole('heading', { name: '计划资料库' })).toBeVisible();
  const upper = await pageApi<{ id: string }>(page, 'plans.create', { title: coverageUpper.meta.title, year: 2025, kind: 'upper', doc: coverageUpper });
  const draft = await pageApi<{ id: string }>(page, 'plans.create', { title: coverageDraft.meta.title, year: 2025, doc: coverageDraft });
  await pageApi(page, 'compare.uppers.set', { draftId: draft.id, upperIds: [upper.id] });
  await page.evaluate((id) => (location.hash = `#/plan/${id}/coverage`), draft.id);

  const list = page.getByRole('region', { name: '上级任务' });
  const detail = page.getByRole('region', { name: '落实情况详情' });
  await expect(page.getByLabel('落实情况', { exact: true })).toContainText(/总体落实率 \d+%/);

  // 部分落实: what the draft took up, and the parts left out, marked.
  await list.getByRole('button').filter({ hasText: '强化危险化学品安全监管' }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('部分落实');
  const parts = detail.getByRole('group', { name: '部分落实的内容' });
  await expect(parts).toContainText('部分落实：本级落实了 1 处，未见落实 2 处');
  await expect(parts.getByRole('list', { name: '未见落实' }).getByRole('listitem')).toHaveText([
    '推进化工园区封闭化管理和智慧化平台建设。',
    '落实危险化学品运输车辆动态监控，严查违规运输行为。',
  ]);
  await expect(parts.locator('.part-left').first()).toHaveCSS('background-color', 'rgb(253, 232, 232)');
  // The link explains itself.
  const link = detail.getByRole('listitem', { name: /关联 .*检查危险化学品企业/ });
  await expect(link.getByLabel('关联依据')).toContainText('共同表述');
  await expect(link.getByLabel('关联依据').locator('mark').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/coverage-partial.png` });

  // A weaker figure and different lead units: cards with a badge, the reason and both quotes.
  await list.getByRole('button').filter({ hasText: '开展隐患排查治理' }).click();
  const findings = detail.getByRole('region', { name: '目标差异' });
  const weaker = findings.getByRole('listitem', { name: '需关注：目标低于上级' });
  await expect(weaker).toContainText('上级“95%”，本级“85%”');
  await expect(weaker.locator('.finding-quotes > div').first()).toContainText('上级重大隐患整改率达到95%');
  await expect(weaker.locator('.finding-quotes > div').last()).toContainText('本级重大隐患整改率达到85%');
  await expect(findings.getByRole('listitem', { name: '需关注：牵头单位不同' })).toContainText('上级为区应急局，本级为镇安委办');
  await expect(detail.getByLabel('关联依据')).toContainText('目标对应：95%→85%');
  await expect(detail.getByLabel('关联依据')).toContainText('责任单位一致：各村（社区）');
  await page.screenshot({ path: `${SHOTS}/coverage-findings.png` });
  // Notes (提示) too: a qualitative target made quantitative.
  await list.getByRole('button').filter({ hasText: '发挥安委办统筹协调作用' }).click();
  await expect(detail.getByRole('region', { name: '目标差异' }).getByRole('listitem', { name: '提示：定性改为定量' })).toContainText('定期');

  // 否决: the link goes at once — no new run of the comparison, no progress shown.
  await list.getByRole('button').filter({ hasText: '开展安全宣传教育' }).click();
  const rejected = detail.getByRole('listitem', { name: /关联 .*开展安全宣传教育/ });
  await expect(rejected).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: boolean; __gone: number; __clicked: number };
    w.__progressSeen = false;
    w.__gone = 0;
    new MutationObserver(() => {
      if (document.querySelector('.progress-block')) w.__progressSeen = true;
      if (!w.__gone && !document.querySelector('.link-list > li')) w.__gone = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    document.addEventListener('click', () => (w.__clicked = performance.now()), { capture: true });
  });
  await rejected.getByRole('button', { name: '否决' }).click();
  await expect(rejected).toHaveCount(0, { timeout: 1000 });
  const timing = await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: boolean; __gone: number; __clicked: number };
    return { progress: w.__progressSeen, ms: w.__gone - w.__clicked };
  });
  console.log(`否决 → link gone in ${timing.ms.toFixed(1)} ms`);
  expect(timing.progress).toBe(false);
  expect(timing.ms).toBeGreaterThanOrEqual(0);
  expect(timing.ms).toBeLessThan(100);
  await expect(detail.getByRole('heading', { level: 2 })).toContainText('未落实');
  await expect(page.getByText('正在对照')).toHaveCount(0);
  // Saved: it stays rejected after a reload.
  await expect
    .poll(async () => (await pageApi<Array<{ decision: string }>>(page, 'compare.decisions.list', { draftId: draft.id, upperId: upper.id })).length)
    .toBe(1);

  // 导出对照表: the partial status, the parts left out and the reasons, each line a paragraph.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出对照表' }).click()]);
  const table = await tableCells(readFileSync((await download.path())!));
  expect(table[0]!.map((c) => c.join(''))).toEqual(['序号', '上级任务', '本级落实任务及依据', '落实状态', '目标差异及理由']);
  const partial = table.find((tr) => tr[1]!.join('').endsWith('强化危险化学品安全监管'))!;
  expect(partial[3]).toEqual(['部分落实']);
  expect(partial[2]).toContain('未见落实：“推进化工园区封闭化管理和智慧化平台建设”“落实危险化学品运输车辆动态监控，严查违规运输行为”');
  const hazards = table.find((tr) => tr[1]!.join('').endsWith('开展隐患排查治理'))!;
  expect(hazards[4]).toContain('【目标低于上级】上级“95%”，本级“85%”');
  expect(hazards[4]).toContain('【牵头单位不同】上级为区应急局，本级为镇安委办');
  expect(hazards[2]!.some((p) => p.startsWith('依据：共同表述：'))).toBe(true);
  const publicity = table.find((tr) => tr[1]!.join('').endsWith('开展安全宣传教育'))!;
  expect(publicity[3]).toEqual(['未落实']);

  await page.reload();
  await page.getByRole('region', { name: '上级任务' }).getByRole('button').filter({ hasText: '开展安全宣传教育' }).click();
  await expect(page.getByRole('region', { name: '落实情况详情' }).getByRole('listitem', { name: /关联 .*开展安全宣传教育/ })).toHaveCount(0);
});
