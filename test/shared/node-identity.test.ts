// Issue 14: decisions and opinions point at a task by its identity. Deleting a task must
// not hand its compare decision (or its reviewer's opinion) to another task that happens to
// look like it.
import { describe, expect, it } from 'vitest';
import { applyDecisions, compareUpperDraft, type Decision } from '../../shared/compare';
import { emptyPlan, type BodyNode, type PlanDocument, type TaskNode } from '../../shared/plan/schema';

function plan(title: string, issuer: string, tasks: Array<Partial<TaskNode> & { title: string }>): PlanDocument {
  const doc = emptyPlan(title, 2026);
  doc.meta.issuer = issuer;
  doc.body = [
    {
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '重点工作',
      children: tasks.map((t, i) => ({
        type: 'task' as const,
        level: 2 as const,
        ordinal: i + 1,
        text: '',
        lead: [],
        support: [],
        targets: [],
        children: [],
        ...t,
      })),
    },
  ];
  return doc;
}

const UPPER = plan('2026年全市安全生产工作要点', '青州市安全生产委员会', [
  { title: '加强危险化学品安全监管', text: '开展危险化学品企业全覆盖检查，严厉打击非法违法行为。' },
  { title: '推进森林防火专业队伍建设', text: '加快组建森林消防专业队伍。' },
]);

function draft(withA: boolean): PlanDocument {
  const a = { id: 'taskAaaaa1', title: '加强危险化学品安全监管', text: '开展危险化学品企业全覆盖检查，严厉打击非法违法行为。' };
  const b = { id: 'taskBbbbb2', title: '加强危险化学品安全执法', text: '开展危险化学品企业执法检查，严厉打击违法行为。' };
  const c = { id: 'taskCcccc3', title: '推进森林防火专业队伍建设', text: '加快组建森林消防专业队伍。' };
  return plan('2026年全县安全生产工作要点', '临朐县安全生产委员会', withA ? [a, b, c] : [b, c]);
}

function taskByTitle(doc: PlanDocument, title: string): TaskNode {
  const walk = (nodes: readonly BodyNode[]): TaskNode | null => {
    for (const n of nodes) {
      if (n.type === 'task' && n.title === title) return n;
      if (n.type !== 'paragraph') {
        const hit = walk(n.children);
        if (hit) return hit;
      }
    }
    return null;
  };
  return walk(doc.body)!;
}

describe('a compare decision belongs to its task', () => {
  const before = compareUpperDraft(UPPER, draft(true));
  const u = before.upper.find((x) => x.title === '加强危险化学品安全监管')!;
  const linkA = u.links.find((l) => l.title === '加强危险化学品安全监管')!;

  it('the engine proposes both look-alike draft tasks for the upper task (the set-up the defect needs)', () => {
    expect(linkA).toBeDefined();
    expect(u.links.map((l) => l.title)).toContain('加强危险化学品安全执法');
  });

  it('a confirmed link to a deleted task does not re-attach to a look-alike task', () => {
    const decisions: Decision[] = [{ upperKey: u.key, draftKey: linkA.key, decision: 'confirmed' }];
    const withA = applyDecisions(before, decisions, draft(true));
    expect(withA.upper.find((x) => x.key === u.key)!.links.find((l) => l.title === '加强危险化学品安全监管')!.decision).toBe('confirmed');

    const afterDoc = draft(false);
    const after = applyDecisions(compareUpperDraft(UPPER, afterDoc), decisions, afterDoc);
    const links = after.upper.find((x) => x.title === '加强危险化学品安全监管')!.links;
    expect(links.filter((l) => l.decision)).toEqual([]);
  });

  it('a rejected link to a deleted task does not remove the look-alike task’s proposed link', () => {
    const decisions: Decision[] = [{ upperKey: u.key, draftKey: linkA.key, decision: 'rejected' }];
    const afterDoc = draft(false);
    const plain = compareUpperDraft(UPPER, afterDoc);
    const proposed = plain.upper.find((x) => x.title === '加强危险化学品安全监管')!.links.map((l) => l.title);
    expect(proposed).toContain('加强危险化学品安全执法');
    const after = applyDecisions(plain, decisions, afterDoc);
    expect(after.upper.find((x) => x.title === '加强危险化学品安全监管')!.links.map((l) => l.title)).toEqual(proposed);
  });

  it('a decision follows its task through an edit of the title (same id)', () => {
    const decisions: Decision[] = [{ upperKey: u.key, draftKey: linkA.key, decision: 'confirmed' }];
    const edited = draft(true);
    taskByTitle(edited, '加强危险化学品安全监管').title = '全面加强危化品安全监管';
    const after = applyDecisions(compareUpperDraft(UPPER, edited), decisions, edited);
    const confirmed = after.upper.find((x) => x.title === '加强危险化学品安全监管')!.links.filter((l) => l.decision);
    expect(confirmed.map((l) => l.title)).toEqual(['全面加强危化品安全监管']);
  });
});

describe('rollover and 与往年对比 pair tasks by id', () => {
  it('a rolled-over task keeps its id; the diff pairs it by id even when rewritten, by text only across different ids', async () => {
    const { rolloverPlan } = await import('../../shared/rollover');
    const { diffPlans } = await import('../../shared/compare');
    const { assignIds } = await import('../../shared/plan/ids');
    const last = assignIds({ ...draft(true), meta: { ...draft(true).meta, year: 2025, title: '2025年全县安全生产工作要点' } });
    const { doc: next } = rolloverPlan(last, 2026);
    const idsOf = (d: PlanDocument) => {
      const out: string[] = [];
      const walk = (nodes: readonly BodyNode[]) => nodes.forEach((n) => (out.push(n.id!), n.type !== 'paragraph' && walk(n.children)));
      walk(d.body);
      return out;
    };
    expect(idsOf(next)).toEqual(idsOf(last));
    // Rewrite task A completely and give task B's title to a new task: A pairs by id, the
    // look-alike does not steal it.
    const edited = structuredClone(next);
    taskByTitle(edited, '加强危险化学品安全监管').title = '全面排查化工园区重大风险';
    const d = diffPlans(last, edited);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => [c.old.key, c.new.key])).toEqual([['taskAaaaa1', 'taskAaaaa1']]);
    // Ids differ (plans imported separately): pairing falls back to the title.
    const other = structuredClone(edited);
    const walk = (nodes: BodyNode[], k = { n: 0 }) =>
      nodes.forEach((n) => ((n.id = `other${String(k.n++).padStart(5, '0')}`), n.type !== 'paragraph' && walk(n.children, k)));
    walk(other.body);
    const d2 = diffPlans(last, other);
    expect(d2.added.map((t) => t.title)).toEqual(['全面排查化工园区重大风险']);
    expect(d2.removed.map((t) => t.title)).toEqual(['加强危险化学品安全监管']);
  });
});

describe('importer warnings follow their node', () => {
  it('a warning stays with its task after the tasks are reordered (its path now names another task)', async () => {
    const { carryImportWarnings } = await import('../../shared/checks');
    const { analyzePlanText } = await import('../../shared/import/analyze');
    const text = [
      '2026年全县安全生产工作要点',
      '一、重点工作',
      '（一）加强危险化学品安全监管。开展检查。（县应急局牵头',
      '（二）推进森林防火。组建队伍。（县林业局负责）',
    ].join('\n');
    const { doc } = analyzePlanText(text);
    const w = doc.warnings.find((x) => x.code === 'units-paren-unclosed');
    expect(w?.nodeId).toBeTruthy();
    const before = carryImportWarnings(doc).find((x) => x.code === 'units-paren-unclosed')!;
    expect(before.anchor).toMatchObject({ title: '加强危险化学品安全监管' });
    // Swap the two tasks and save: the warning's path now points at 森林防火.
    const moved = structuredClone(doc);
    const section = moved.body.find((n) => n.type === 'heading') as { children: BodyNode[] };
    section.children.reverse();
    const after = carryImportWarnings(moved).find((x) => x.code === 'units-paren-unclosed')!;
    expect(after.anchor).toMatchObject({ title: '加强危险化学品安全监管', nodeId: w!.nodeId });
  });
});
