// Bad input and bad output paths: everything exports, nothing half-written, clear Chinese errors.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { exportTaskTableDocx } from '../../electron/export/task-table-docx';
import { exportToFile } from '../../electron/export/to-file';
import { runCli } from '../../electron/cli/main';
import { AppError } from '../../shared/errors';
import { emptyPlan, type PlanDocument } from '../../shared/plan/schema';
import { syntheticPlan, FIXTURES_DIR } from '../helpers/sample-plans';

const dir = () => mkdtempSync(join(tmpdir(), 'plandesk-export-bad-'));

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

function oddPlan(): PlanDocument {
  const doc = syntheticPlan(3);
  const units = Array.from({ length: 80 }, (_, i) => `第${i + 1}个镇人民政府`);
  doc.body.push({
    type: 'heading',
    level: 1,
    ordinal: 9,
    title: '生僻字与特殊字符：𠀀𪚥䶮喆堃〇㐂 emoji 🚒 and <&> "quotes"',
    children: [
      {
        type: 'task',
        level: 3,
        ordinal: 1,
        title: '超长任务',
        text: '加强'.repeat(1500),
        lead: units.slice(0, 40),
        support: units.slice(40),
        targets: [],
        children: [],
      },
      { type: 'task', level: 4, ordinal: 1, title: '', text: '', lead: [], support: [], targets: [], children: [] },
    ],
  });
  return doc;
}

describe('bad input exports without error', () => {
  it('a plan with no tasks, in both forms and as a table', async () => {
    const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
    for (const form of ['plan', 'notice'] as const) {
      const xml = await documentXml(await exportPlanDocx(doc, { form, attachment: true, includeDisclosureTable: true }));
      expect(xml).toContain('2026年全县安全生产工作要点');
    }
    expect((await exportTaskTableDocx(doc)).length).toBeGreaterThan(1000);
  });

  it('a 3,000-character task, 80 units, characters outside GB2312 and XML specials', async () => {
    const doc = oddPlan();
    const xml = await documentXml(await exportPlanDocx(doc, { form: 'notice', sealed: true }));
    expect(xml).toContain('加强'.repeat(1500));
    expect(xml).toContain('𠀀𪚥䶮喆堃');
    expect(xml).toContain('🚒');
    expect(xml).toContain('&lt;&amp;&gt;');
    expect(xml).toContain('第80个镇人民政府负责落实）');
    const table = await documentXml(await exportTaskTableDocx(doc));
    expect(table).toContain('第40个镇人民政府');
  });

  it('the fonts setting reaches every level and the 28 pt pitch is honoured', async () => {
    const doc = syntheticPlan(2);
    const xml = await documentXml(
      await exportPlanDocx(doc, { fonts: { title: '方正小标宋简体', body: '仿宋', heading1: '黑体', heading2: '楷体' }, linePitchTwips: 560 }),
    );
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="楷体"');
    expect(xml).not.toContain('仿宋_GB2312');
    expect(xml).toContain('w:linePitch="560"');
    expect(xml).toContain('w:line="560" w:lineRule="exact"');
  });
});

describe('exportToFile', () => {
  it('writes atomically and leaves no temp file', async () => {
    const d = dir();
    const target = join(d, '要点.docx');
    const r = await exportToFile(syntheticPlan(5), target, { form: 'plan' });
    expect(r.bytes).toBeGreaterThan(1000);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(d)).toEqual(['要点.docx']);
  });

  it('a folder that does not exist: a Chinese message, nothing written', async () => {
    const d = dir();
    await expect(exportToFile(syntheticPlan(1), join(d, 'no', 'such', 'x.docx'))).rejects.toThrow(/找不到文件夹/);
  });

  it('a read-only folder: a Chinese message and no half-written file', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const d = dir();
    const ro = join(d, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const err = await exportToFile(syntheticPlan(1), join(ro, 'x.docx')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('没有权限');
    chmodSync(ro, 0o700);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('the target is a folder (as when a file is locked, the old content stays)', async () => {
    const d = dir();
    const target = join(d, 'busy.docx');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    const err = await exportToFile(syntheticPlan(1), target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('io');
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
    expect(readdirSync(d)).toEqual(['busy.docx']);
  });

  it('rejects a non-.docx name and bad options', async () => {
    await expect(exportToFile(syntheticPlan(1), join(dir(), 'x.pdf'))).rejects.toThrow(/\.docx/);
    await expect(exportToFile(syntheticPlan(1), join(dir(), 'x.docx'), { linePitchTwips: 600 as 579 })).rejects.toThrow(/导出选项不正确/);
  });
});

describe('plandesk export', () => {
  async function cli(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
    return { code, out, err };
  }

  it('exports a plan.json in both forms and the task table', async () => {
    const d = dir();
    const plan = join(FIXTURES_DIR, 'tengzhou-2020.plan.json');
    const src = existsSync(plan) ? plan : join(d, 'p.plan.json');
    if (!existsSync(plan)) writeFileSync(src, JSON.stringify(syntheticPlan(3)));
    for (const args of [[], ['--form', 'notice', '--attachment'], ['--table']]) {
      const out = join(d, `o${args.length}.docx`);
      const r = await cli('export', src, '--out', out, ...args);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe(out);
      expect(existsSync(out)).toBe(true);
    }
  });

  it('notice form without issuer or 文号: exit 2 listing what is missing, no file', async () => {
    const d = dir();
    const src = join(d, 'p.plan.json');
    writeFileSync(src, JSON.stringify(emptyPlan('2026年全县安全生产工作要点', 2026)));
    const out = join(d, 'x.docx');
    const r = await cli('export', src, '--out', out, '--form', 'notice');
    expect(r.code).toBe(2);
    expect(r.err).toContain('发文机关');
    expect(r.err).toContain('文号');
    expect(r.err).toContain('主送机关');
    expect(r.err).toContain('成文日期');
    expect(existsSync(out)).toBe(false);
  });

  it('a 文号 that breaks the rules: a warning with the corrected form, the export goes ahead', async () => {
    const d = dir();
    const doc = syntheticPlan(2);
    doc.meta.docNumber = '某安发(2026)第01号';
    const src = join(d, 'p.plan.json');
    writeFileSync(src, JSON.stringify(doc));
    const r = await cli('export', src, '--out', join(d, 'x.docx'), '--form', 'notice');
    expect(r.code).toBe(0);
    expect(r.err).toContain('警告');
    expect(r.err).toContain('某安发〔2026〕1号');
  });

  it('bad arguments and invalid plans exit 2', async () => {
    const d = dir();
    expect((await cli('export', 'x.plan.json')).code).toBe(2);
    const bad = join(d, 'bad.plan.json');
    writeFileSync(bad, JSON.stringify({ format: 'plandesk/plan', version: 1, meta: { year: 'x' } }));
    const r = await cli('export', bad, '--out', join(d, 'x.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('meta');
    expect((await cli('export', bad, '--out', join(d, 'x.docx'), '--form', 'letter')).code).toBe(2);
  });
});
