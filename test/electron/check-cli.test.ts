// `plandesk check`: the 校对 findings of a plan file, an importable file or a library plan, with
// places and fixes, Chinese text or --json, exit 0 / 1 (errors) / 2 (bad input). Run in-process
// through the real command line against a library in a temp folder.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, useCliHome } from '../helpers/cli';
import { loadCommand } from '../../electron/cli/commands';
import { checkCommand } from '../../electron/cli/commands/check';
import { emptyPlan, type PlanDocument } from '../../shared/plan/schema';

const getHome = useCliHome();
const SAMPLE = resolve(__dirname, '../../../shared/samples/tengzhou-2020-yaodian.txt');
const OUTLINE = '一、总体要求\n坚持安全发展。\n二、重点任务\n1.压实责任。落实责任制。（市应急局牵头，各县区负责落实）';

function plan(): PlanDocument {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  doc.body.push({
    type: 'heading',
    level: 1,
    ordinal: 1,
    title: '重点任务',
    children: [{ type: 'task', level: 3, ordinal: 1, title: '加强监管,落实责任', text: '', lead: ['县应急局'], support: [], targets: [], children: [] }],
  });
  return doc;
}

function write(name: string, content: string): string {
  const file = join(getHome(), name);
  writeFileSync(file, content);
  return file;
}

interface JsonReport {
  title: string;
  counts: { error: number; warning: number; info: number };
  findings: Array<{
    id: string;
    code: string;
    severity: string;
    message: string;
    place: { kind: string; label: string; excerpt: string };
    fix?: { label: string; patch: unknown };
  }>;
}

describe('plandesk check', () => {
  it('is registered and listed in --help', async () => {
    expect(await loadCommand('check')).toBe(checkCommand);
    expect((await cli('--help')).out).toMatch(/check\s+校对/);
  });

  it('a .plan.json: findings with task number, title and the proposed fix, in Chinese', async () => {
    const r = await cli('check', write('a.plan.json', JSON.stringify(plan())));
    expect(r.code).toBe(0);
    expect(r.out).toContain('校对：2026年全县安全生产工作要点');
    expect(r.out).toMatch(/\[警告\] 任务 1\.“加强监管,落实责任”：任务 1 中有 1 处半角标点/);
    expect(r.out).toContain('建议修改：改为全角标点：加强监管，落实责任');
  });

  it('--json: counts and findings with place and fix patch', async () => {
    const r = await cli('check', write('a.plan.json', JSON.stringify(plan())), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    const half = report.findings.find((f) => f.code === 'halfwidth-punct')!;
    expect(half).toMatchObject({
      severity: 'warning',
      place: { kind: 'task', label: '1.', excerpt: '加强监管,落实责任' },
      fix: { label: '改为全角标点', patch: { title: '加强监管，落实责任' } },
    });
    expect(report.counts.warning).toBe(report.findings.filter((f) => f.severity === 'warning').length);
  });

  it('a finding of severity error → exit 1, with the corrected 文号', async () => {
    const doc = plan();
    doc.meta.docNumber = '县安发〔2026〕第03号';
    const r = await cli('check', write('b.plan.json', JSON.stringify(doc)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[错误\] 文件信息：文号“县安发〔2026〕第03号”不符合公文格式/);
    expect(r.out).toContain('建议修改：改为“县安发〔2026〕3号”');
  });

  it('an importable file is read as import reads it: the 滕州 sample', async () => {
    const r = await cli('check', SAMPLE, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.title).toBe('2020年全市安全生产工作要点');
    const runOn = report.findings.find((f) => f.code === 'title-run-on')!;
    expect(runOn.place).toMatchObject({ kind: 'task', label: '14.' });
    expect(runOn.place.excerpt).toMatch(/^加强安全生产法治建设/);
    expect(report.findings.find((f) => f.code === 'units-paren-unclosed')?.place.label).toBe('13.');
  });

  it('滕安发﹝2020﹞3号 in an imported page is not flagged', async () => {
    const r = await cli('check', write('p.txt', `文号：滕安发﹝2020﹞3号\n成文日期：2020年3月2日\n2020年滕州市安全生产工作要点\n${OUTLINE}`), '--json');
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.findings.filter((f) => f.code.startsWith('doc-number'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a library id: the saved plan; findings the drafter dismissed are left out', async () => {
    const doc = plan();
    const id = (await cli('save', write('c.plan.json', JSON.stringify(doc)))).out.trim();
    const before = JSON.parse((await cli('check', id, '--json')).out) as JsonReport;
    const half = before.findings.find((f) => f.code === 'halfwidth-punct')!;
    expect(half).toBeDefined();
    // A dismissal names its block by node id (issue 14): dismiss in the stored plan (which has
    // the ids the check saw), as the editor does, not in the id-less file.
    const stored = JSON.parse((await cli('show', id, '--json')).out) as typeof doc;
    const dismissed = { ...stored, dismissedChecks: [half.id] };
    const id2 = (await cli('save', write('d.plan.json', JSON.stringify(dismissed)))).out.trim();
    const after = JSON.parse((await cli('check', id2, '--json')).out) as JsonReport;
    expect(after.findings.map((f) => f.code)).not.toContain('halfwidth-punct');
    expect(after.findings.length).toBe(before.findings.length - 1);
  });

  it.each([[['check']], [['check', 'a', 'b']], [['check', 'no-such-plan-id']]])('bad input %j → exit 2, one Chinese line', async (args) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err.trim()).not.toContain('\n');
    expect(r.err).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('a broken .plan.json or an unreadable file → exit 2', async () => {
    expect(await cli('check', write('x.plan.json', '{oops'))).toMatchObject({ code: 2, err: expect.stringContaining('不是有效的 JSON') });
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    const file = join(getHome(), 'old.doc');
    writeFileSync(file, doc);
    expect(await cli('check', file)).toMatchObject({ code: 2, err: expect.stringContaining('不是 Word/WPS 文字文档') });
  });
});
