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
      type: 'heading', level: 1, ordinal: 1, title: '重点工作',
      children: tasks.map((t, i) => ({ type: 'task' as const, level: 2 as const, ordinal: i + 1, text: '', lead: [], support: [], targets: [], children: [], ...t })),
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
