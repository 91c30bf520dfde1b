// The 校对 panel's findings grouped by kind (issue 18): a plan opened for the first time may
// have fifty findings of two or three kinds; a group shows its kind, its count and, for kinds
// with a safe fix, one “全部修正” that applies every fix of the group as one editor step.
import type { Check, Fix, Severity } from './types';

/** Chinese name of each kind; import-* and unknown codes are named in kindOf. */
const KIND_LABELS: Record<string, string> = {
  'halfwidth-punct': '半角标点',
  'lead-missing': '缺少牵头单位',
  'units-missing': '没有责任单位',
  'units-none': '没有责任单位',
  'units-paren-unclosed': '责任单位括号不完整',
  'units-in-text': '责任单位写在正文中',
  'units-duplicate': '责任单位重复',
  'title-run-on': '标题句与正文未分开',
  'title-empty': '缺少标题句',
  'task-empty': '只有标题的任务',
  'section-empty': '空的章节',
  'task-duplicate': '内容相近的任务',
  'year-mismatch': '与计划年度不一致的年份',
  'period-stale': '过时的规划期',
  'doc-number': '文号不规范',
  'doc-number-year': '文号年份',
  'meta-year': '标题中的年份',
  'pinyin-leftover': '残留的拼音注音',
  'garbled-text': '疑似乱码',
  'rollover-historical-year': '往年要点：往年的年份',
  'rollover-stale-period': '往年要点：过时的规划期',
  'rollover-dated-event': '往年要点：往年的事件',
  'rollover-past-deadline': '往年要点：已过的时限',
  'rollover-target-unconfirmed': '往年要点：待确认的目标',
};

/** The group a finding belongs to: its code, except that every importer finding is one group. */
export function kindOf(code: string): { kind: string; label: string } {
  if (code.startsWith('import-')) return { kind: 'import', label: '导入提示' };
  if (code === 'units-none') return { kind: 'units-missing', label: KIND_LABELS[code]! };
  return { kind: code, label: KIND_LABELS[code] ?? code };
}

export interface CheckGroup {
  kind: string;
  /** Chinese, e.g. 半角标点. */
  label: string;
  /** The most serious severity in the group. */
  severity: Severity;
  checks: Check[];
  /**
   * The group's fixes of blocks, at most one per block: what “全部修正” applies in one editor
   * transaction. Fixes of the metadata are left to their own buttons (metadata changes are not
   * part of the editor's undo history).
   */
  blockFixes: Fix[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Groups findings by kind: the most serious groups first, then in order of appearance. */
export function groupChecks(checks: readonly Check[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const c of checks) {
    const { kind, label } = kindOf(c.code);
    let g = groups.get(kind);
    if (!g) groups.set(kind, (g = { kind, label, severity: c.severity, checks: [], blockFixes: [] }));
    g.checks.push(c);
    if (ORDER[c.severity] < ORDER[g.severity]) g.severity = c.severity;
    const fix = c.fix;
    if (fix && fix.blockIndex !== null && !g.blockFixes.some((f) => f.blockIndex === fix.blockIndex)) g.blockFixes.push(fix);
  }
  return [...groups.values()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
