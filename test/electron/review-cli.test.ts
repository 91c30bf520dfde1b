// `plandesk review-import` and `plandesk opinions`, in-process with a fake context.
import { assert, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { reviewImportCommand } from '../../electron/cli/commands/review-import';
import { opinionsCommand } from '../../electron/cli/commands/opinions';
import { commands } from '../../electron/cli/commands/index';
import type { CliContext } from '../../electron/cli/types';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { cEnd, cStart, comment, loadPlan, p, r, reviewedPlan, wordFile } from './review-helpers';

function ctx(cwd: string, services: Record<string, unknown> = {}) {
  const io = { out: '', err: '' };
  const c: CliContext = {
    cwd,
    services: async () => services as never,
    database: async () => assert.fail('not a databaseOnly command'),
    out: (s) => (io.out += s + '\n'),
    err: (s) => (io.err += s + '\n'),
  };
  return { c, io };
}

describe('review CLI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-review-cli-'));
  const { doc, threads } = reviewedPlan();
  writeFileSync(join(dir, 'plan.plan.json'), JSON.stringify(doc));
  writeFileSync(join(dir, '应急局.docx'), await exportReviewDocx(doc, threads));
  const other = loadPlan('nanxun-2021');
  writeFileSync(
    join(dir, 'other.docx'),
    await wordFile({
      body: p(r(other.meta.title)) + p(cStart(1), r('完全不同的一段文字，与本计划无关。'), cEnd(1)),
      comments: comment(1, '某人', '无关意见', '1B000001'),
    }),
  );

  it('is registered', () => {
    expect(commands.map((x) => x.name)).toEqual(expect.arrayContaining(['review-import', 'opinions']));
  });

  it('lists the opinions of each file matched to tasks, as JSON, with units per file', async () => {
    const { c, io } = ctx(dir);
    const code = await reviewImportCommand.run(['plan.plan.json', '应急局.docx', 'other.docx', '--json', '--unit', '应急局.docx=市应急局'], c);
    const out = JSON.parse(io.out) as { files: Array<{ file: string; authors: string[]; samePlan: { same: boolean }; items: Array<Record<string, unknown>> }> };
    expect(code).toBe(2);
    expect(out.files).toHaveLength(2);
    const [a, b] = out.files;
    expect(a!.samePlan.same).toBe(true);
    expect(a!.items).toHaveLength(7);
    expect(a!.items.every((i) => i.unit === '市应急局' && i.task)).toBe(true);
    expect(a!.items).toContainEqual(
      expect.objectContaining({
        kind: 'comment',
        author: '王五',
        text: '考核办法<附件>另行制定 & 印发',
        task: { label: '4.', title: '加强安全生产考核' },
        field: 'title',
        from: 0,
        to: 8,
      }),
    );
    expect(b!.samePlan.same).toBe(false);
    expect(b!.items).toEqual([expect.objectContaining({ author: '某人', unit: '某人', task: null, field: null, from: null, to: null })]);
  });

  it('prints a Chinese listing and warns about another plan', async () => {
    const { c, io } = ctx(dir);
    await reviewImportCommand.run(['plan.plan.json', 'other.docx', '--unit', '县交通局'], c);
    expect(io.out).toContain('未定位（原文已不存在）');
    expect(io.out).toContain('县交通局（某人）');
    expect(io.err).toContain('警告：other.docx：该文件似乎不是');
  });

  it('opinions: says so when the library cannot list opinions yet', async () => {
    const { c, io } = ctx(dir, {});
    expect(await opinionsCommand.run(['plan.plan.json', '--out', 'o.docx'], c)).toBe(1);
    expect(io.err).toContain('暂时无法导出征求意见汇总表');
    expect(existsSync(join(dir, 'o.docx'))).toBe(false);
  });

  it('opinions: writes the table from review.opinions.list', async () => {
    const rows = [
      { unit: '市应急局', task: '4.加强安全生产考核', content: '考核方式请具体化', decision: '采纳', reason: '' },
      { unit: '市财政局', task: '', content: '经费另行安排', decision: '不采纳', reason: '不属于本要点内容' },
    ];
    let asked: unknown;
    const { c } = ctx(dir, { 'review.opinions.list': async (req: unknown) => ((asked = req), rows) });
    expect(await opinionsCommand.run(['plan.plan.json', '--out', 'opinions.docx'], c)).toBe(0);
    expect(asked).toEqual({ planId: 'plan.plan.json' });
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'opinions.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of [
      '征求意见汇总表',
      '序号',
      '提出单位',
      '涉及任务',
      '意见内容',
      '处理情况',
      '理由',
      '考核方式请具体化',
      '不属于本要点内容',
      'w:orient="landscape"',
    ])
      expect(xml).toContain(s);
  });

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
