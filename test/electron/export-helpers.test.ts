// Pure export helpers: 文号 rules, dates, task running text, title splitting, metadata checks.
import { describe, expect, it } from 'vitest';
import { checkDocNumber } from '../../shared/text/doc-number';
import { formatChineseDate } from '../../shared/text/dates';
import { taskRunningText, unitsParenthetical } from '../../shared/plan/running-text';
import { splitTitle, textUnits } from '../../shared/export/title-lines';
import { exportWarnings, missingForExport } from '../../shared/export/resolve';
import { ExportOptionsSchema } from '../../shared/export/options';
import { DEFAULT_FONTS, FontSettingsSchema, gridCharSpace, MARGIN_TWIPS, TEXT_BLOCK_MM } from '../../shared/layout/gbt9704';
import { emptyPlan, type TaskNode } from '../../shared/plan/schema';

describe('文号 rules', () => {
  it('accepts a correct number', () => {
    expect(checkDocNumber('滕安发〔2020〕3号')).toEqual({ ok: true, problems: [] });
  });
  it.each([
    ['滕安发[2020]3号', '滕安发〔2020〕3号', '六角括号'],
    ['滕安发（2020）3号', '滕安发〔2020〕3号', '六角括号'],
    ['滕安发〔2020〕第3号', '滕安发〔2020〕3号', '第'],
    ['滕安发〔2020〕003号', '滕安发〔2020〕3号', '虚位'],
    ['滕安发【2020】03', '滕安发〔2020〕3号', '以“号”结尾'],
    ['滕安发2020年3号', undefined, ''],
  ])('%s → %s', (input, corrected, problem) => {
    const r = checkDocNumber(input);
    expect(r.ok).toBe(false);
    if (corrected) expect(r.corrected).toBe(corrected);
    expect(r.problems.join('；')).toContain(problem);
  });
  it('says when the year is missing', () => {
    expect(checkDocNumber('滕安发3号').problems[0]).toContain('年份');
  });
});

describe('dates', () => {
  it('writes 2021年3月11日 without leading zeros', () => {
    expect(formatChineseDate('2021-03-11')).toBe('2021年3月11日');
    expect(formatChineseDate('2020-10-01')).toBe('2020年10月1日');
  });
});

const task = (over: Partial<TaskNode>): TaskNode => ({
  type: 'task',
  level: 3,
  ordinal: 1,
  title: '加强安全生产考核',
  text: '加大考核比重。',
  lead: [],
  support: [],
  targets: [],
  children: [],
  ...over,
});

describe('task running text', () => {
  it('builds the parenthetical from lead and support', () => {
    expect(taskRunningText(task({ lead: ['市安委会办公室'], support: ['各镇街'] }))).toBe(
      '1.加强安全生产考核。加大考核比重。（市安委会办公室牵头，各镇街负责落实）',
    );
    expect(unitsParenthetical(task({ lead: ['市应急局'] }))).toBe('市应急局负责');
    expect(unitsParenthetical(task({ support: ['各镇街', '各部门'] }))).toBe('各镇街、各部门负责落实');
  });
  it('prefers the units text as written', () => {
    expect(taskRunningText(task({ level: 2, ordinal: 3, unitsText: '区应急局牵头，各乡镇配合', lead: ['x'] }))).toBe(
      '（三）加强安全生产考核。加大考核比重。（区应急局牵头，各乡镇配合）',
    );
  });
  it('has no parenthetical without units and no double 。', () => {
    expect(taskRunningText(task({ title: '加强考核。', text: '' }))).toBe('1.加强考核。');
  });
});

describe('title lines', () => {
  it('keeps a short title on one line', () => {
    expect(splitTitle('2020年全市安全生产工作要点')).toEqual(['2020年全市安全生产工作要点']);
  });
  it('splits a notice title in a trapezoid, not inside 《》', () => {
    const lines = splitTitle('滕州市安全生产委员会关于印发《2020年全市安全生产工作要点》的通知');
    expect(lines.join('')).toBe('滕州市安全生产委员会关于印发《2020年全市安全生产工作要点》的通知');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('滕州市安全生产委员会关于印发');
    for (const l of lines) expect(textUnits(l)).toBeLessThanOrEqual(20);
  });
  it('splits very long titles into lines that fit', () => {
    const t = '某某市安全生产委员会办公室关于印发《某某市2026年安全生产和应急管理重点工作任务分工方案及考核评价细则》的通知';
    const lines = splitTitle(t);
    expect(lines.join('')).toBe(t);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(textUnits(l)).toBeLessThanOrEqual(20);
  });
});

describe('layout constants', () => {
  it('has the GB/T 9704 figures', () => {
    expect(TEXT_BLOCK_MM).toEqual({ width: 156, height: 225 });
    expect(MARGIN_TWIPS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(gridCharSpace()).toBe(-848);
    expect(FontSettingsSchema.parse({})).toEqual(DEFAULT_FONTS);
    expect(FontSettingsSchema.safeParse({ body: '' }).success).toBe(false);
  });
});

describe('metadata check', () => {
  it('lists exactly what the notice form lacks', () => {
    const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
    expect(missingForExport(doc, { form: 'plan' })).toEqual([]);
    const missing = missingForExport(doc, { form: 'notice' });
    expect(missing).toHaveLength(5);
    expect(missing.join('\n')).toMatch(/发文机关[\s\S]*文号[\s\S]*通知标题[\s\S]*主送机关[\s\S]*成文日期/);
    doc.meta.issuer = '某县安全生产委员会';
    doc.meta.docNumber = '某安发[2026]01号';
    doc.meta.addressees = ['各乡镇'];
    doc.meta.writtenDate = '2026-02-01';
    expect(missingForExport(doc, { form: 'notice' })).toEqual([]);
    expect(exportWarnings(doc, { form: 'notice' })[0]).toContain('某安发〔2026〕1号');
  });
  it('gives a 文号 example from the plan’s own 发文机关 and year, never another county’s', () => {
    const numberLine = (issuer: string | undefined, year: number) => {
      const doc = emptyPlan(`${year}年全县安全生产工作要点`, year);
      if (issuer !== undefined) doc.meta.issuer = issuer;
      return missingForExport(doc, { form: 'notice' }).find((m) => m.includes('文号'))!;
    };
    expect(numberLine('某县安委会', 2022)).toContain('如“某安发〔2022〕×号”');
    expect(numberLine('滕州市安全生产委员会', 2026)).toContain('如“滕安发〔2026〕×号”');
    expect(numberLine('青山镇人民政府', 2025)).toContain('如“青政发〔2025〕×号”');
    expect(numberLine('长治市潞城区应急管理局', 2024)).toContain('如“潞应急发〔2024〕×号”');
    expect(numberLine('某某县安全生产委员会办公室', 2023)).toContain('如“某安办发〔2023〕×号”');
    // No 发文机关 yet: a neutral pattern with the plan's year.
    expect(numberLine(undefined, 2022)).toContain('如“×安发〔2022〕×号”');
    for (const line of [numberLine('某县安委会', 2022), numberLine(undefined, 2022)]) expect(line).not.toContain('滕安发〔2020〕');
  });
  it('validates options with Chinese messages', () => {
    const r = ExportOptionsSchema.safeParse({ form: 'letter', linePitchTwips: 600 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('导出形式');
  });
});

describe('resolveExport', () => {
  it('treats a plan titled as a notice as the notice itself, and normalises the 附注', async () => {
    const { resolveExport } = await import('../../shared/export/resolve');
    const doc = emptyPlan('长治市潞城区人民政府关于做好2025年安全生产工作的通知', 2025);
    doc.meta.issuer = '长治市潞城区人民政府';
    doc.notice = { title: doc.meta.title, addressees: [], paragraphs: [], note: '(此件公开发布)' };
    const r = resolveExport(doc, ExportOptionsSchema.parse({ form: 'notice' }));
    expect(r.selfNotice).toBe(true);
    expect(r.noticeParagraphs).toEqual([]);
    expect(r.note).toBe('（此件公开发布）');
    const plan = emptyPlan('2020年全市安全生产工作要点', 2020);
    plan.meta.issuer = '滕州市安全生产委员会';
    const p = resolveExport(plan, ExportOptionsSchema.parse({ form: 'notice' }));
    expect(p.selfNotice).toBe(false);
    expect(p.noticeTitle).toBe('滕州市安全生产委员会关于印发《2020年全市安全生产工作要点》的通知');
    expect(p.noticeParagraphs[0]).toBe('现将《2020年全市安全生产工作要点》印发给你们，请认真贯彻落实。');
    expect(p.letterhead).toBe('滕州市安全生产委员会文件');
  });
});
