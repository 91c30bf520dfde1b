// Issue 18: the importer's warnings in 校对 are re-evaluated against the plan as it is now —
// a warning about the year goes once the year was changed or given, a warning about a task
// goes with the task or once it was fixed, also after the plan was saved and opened again.
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../shared/checks/index';
import { analyzePlanText } from '../../shared/import/analyze';
import type { PlanDocument, TaskNode } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';

const importCodes = (doc: PlanDocument) => checkPlan(doc).filter((c) => c.code.startsWith('import-') || c.code === 'units-paren-unclosed');

/** A plan saved before issue 18: warnings carry only code, message and path. */
function oldPlan(year: number): PlanDocument {
  return parsePlanDocument({
    format: 'plandesk/plan',
    version: 1,
    meta: { title: '全县安全生产工作要点', year, addressees: [], cc: [] },
    body: [{ type: 'heading', level: 1, ordinal: 1, title: '重点工作', children: [] }],
    warnings: [{ code: 'no-year', message: '未识别到计划年份，已暂定为2026年，请核对', path: 'meta/year' }],
  });
}

function tasksOf(doc: PlanDocument): TaskNode[] {
  const out: TaskNode[] = [];
  const walk = (ns: PlanDocument['body']) =>
    ns.forEach((n) => {
      if (n.type === 'task') out.push(n);
      if (n.type !== 'paragraph') walk(n.children);
    });
  walk(doc.body);
  return out;
}

describe('import warnings about metadata', () => {
  it('an old plan’s “已暂定为2026年” warning is gone once the year is 2021, and stays while it is 2026', () => {
    expect(importCodes(oldPlan(2021))).toEqual([]);
    expect(importCodes(oldPlan(2026)).map((c) => c.message)).toEqual(['导入提示：未识别到计划年份，已暂定为2026年，请核对']);
  });

  it('a title taken from the file name is reported until the title is changed', () => {
    const { doc } = analyzePlanText('一、重点工作\n（一）加强监管。开展检查。', { sourceName: '要点草稿.txt' });
    expect(importCodes(doc).map((c) => c.code)).toContain('import-no-title');
    const renamed = { ...doc, meta: { ...doc.meta, title: '2021年全县安全生产工作要点' } };
    expect(importCodes(renamed).map((c) => c.code)).not.toContain('import-no-title');
  });
});

describe('import warnings about a task', () => {
  const text = [
    '2026年全县安全生产工作要点',
    '一、重点工作',
    '（一）加强危险化学品安全监管。开展检查。（县应急局牵头',
    '（二）推进森林防火。组建队伍。（县林业局负责）',
  ].join('\n');

  it('goes when the task’s units are fixed, also after saving and opening the plan again', () => {
    const { doc } = analyzePlanText(text);
    expect(importCodes(doc).map((c) => c.code)).toEqual(['units-paren-unclosed']);
    const saved = parsePlanDocument(JSON.parse(JSON.stringify(doc)));
    const t = tasksOf(saved).find((x) => x.title.startsWith('加强危险化学品'))!;
    t.unitsText = '县应急局牵头，各乡镇负责';
    t.lead = ['县应急局'];
    t.support = ['各乡镇'];
    expect(importCodes(saved)).toEqual([]);
  });

  it('goes when the task is deleted', () => {
    const { doc } = analyzePlanText(text);
    const saved = parsePlanDocument(JSON.parse(JSON.stringify(doc)));
    const section = saved.body.find((n) => n.type === 'heading')!;
    section.children = section.children.filter((n) => n.type !== 'task' || !n.title.startsWith('加强危险化学品'));
    expect(importCodes(saved)).toEqual([]);
  });
});

describe('the year given in the import preview', () => {
  it('resolves the year warning even when it equals the placeholder year', async () => {
    const { confirmWarnings } = await import('../../shared/checks/index');
    const { doc } = analyzePlanText('全县安全生产工作要点\n一、重点工作\n（一）加强监管。开展检查。');
    expect(importCodes(doc).map((c) => c.code)).toContain('import-no-year');
    const confirmed = { ...doc, warnings: confirmWarnings(doc.warnings, ['year']) };
    expect(importCodes(confirmed).map((c) => c.code)).not.toContain('import-no-year');
  });
});

describe('warnings about the import as a whole', () => {
  it('are shown in the import preview only, not in 校对 (as before issue 18)', () => {
    const { doc } = analyzePlanText('2021年全县安全生产工作要点\n一、重点工作\n（一）加强监管,开展检查。');
    expect(doc.warnings.map((w) => w.code)).toContain('punctuation-normalised');
    expect(importCodes(doc)).toEqual([]);
  });
});
