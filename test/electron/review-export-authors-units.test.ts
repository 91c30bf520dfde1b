// Issue 19 (review export): reviewers named as Word shows them — “王五（县住建局）” — and a
// suggested change of a task's units as a tracked change inside the units parenthetical.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { splitAuthor } from '../../shared/review/sender';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { P_T2, loadPlan, reviewedPlan, task } from './review-helpers';
import { tempLibrary } from '../helpers/temp-library';

const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]!);
const authorsOf = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<w:${tag} [^>]*w:author="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('reviewer identity in Word', () => {
  it('writes comment and revision authors as 姓名（单位） when the person has a unit, and reads them back so', async () => {
    const { doc, threads } = reviewedPlan();
    const bytes = await exportReviewDocx(doc, threads);
    const comments = authorsOf(part(bytes, 'word/comments.xml'), 'comment');
    // 张三 of 市住建局 (first comment), 安委办 and 张三 without a unit, 李四, 王五, 赵六.
    expect(comments.sort()).toEqual(['张三（市住建局）', '安委办', '张三', '李四', '王五', '赵六'].sort());
    const document = part(bytes, 'word/document.xml');
    expect(authorsOf(document, 'ins')).toContain('李四（市应急局）');
    expect(authorsOf(document, 'del')).toContain('王五（市教育局）');
    expect(authorsOf(document, 'del')).toContain('赵六');
    const back = await readReturnedDocx('r.docx', bytes);
    const ins = back.items.find((i) => i.kind === 'insertion')!;
    expect(splitAuthor(ins.author)).toEqual({ name: '李四', unit: '市应急局' });
    const first = back.items.find((i) => i.kind === 'comment' && i.author.startsWith('张三'))!;
    expect(splitAuthor(first.author)).toEqual({ name: '张三', unit: '市住建局' });
  });

  it('a unit alone is the author; an author already written with its unit is not doubled', async () => {
    const { doc, threads } = reviewedPlan();
    threads[1]!.comments[0] = { ...threads[1]!.comments[0]!, author: '', unit: '县教育局' };
    threads[2]!.comments[0] = { ...threads[2]!.comments[0]!, author: '王五（县住建局）', unit: '县住建局' };
    const comments = authorsOf(part(await exportReviewDocx(doc, threads), 'word/comments.xml'), 'comment');
    expect(comments).toContain('县教育局');
    expect(comments).toContain('王五（县住建局）');
    expect(comments.join()).not.toContain('（县住建局）（');
  });
});

/** A paragraph's text as accepted (insertions kept, deletions dropped) and as rejected. */
function readings(paragraphXml: string): { accepted: string; rejected: string } {
  let accepted = '';
  let rejected = '';
  for (const m of paragraphXml.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>|<w:del [^>]*>([\s\S]*?)<\/w:del>|<w:r>([\s\S]*?)<\/w:r>/g)) {
    const text = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((x) => x[1]).join('');
    if (m[1] !== undefined) accepted += text(m[1]);
    else if (m[2] !== undefined) rejected += text(m[2]);
    else {
      accepted += text(m[3]!);
      rejected += text(m[3]!);
    }
  }
  return { accepted, rejected };
}

describe('a suggested change of the units', () => {
  it('is a tracked change inside the units parenthetical, with author and date', async () => {
    const doc = loadPlan();
    const t = task(doc, P_T2);
    const old = { lead: [...t.lead], support: [...t.support], unitsText: t.unitsText! };
    t.lead = ['市安委会办公室'];
    t.support = ['市安委会成员单位', '市住建局', '各镇街'];
    delete t.unitsText;
    t.suggestion = { type: 'units', id: 'su-1', author: '王五', unit: '市住建局', time: '2026-03-04T08:00:00Z', old };
    const bytes = await exportReviewDocx(doc, []);
    const document = part(bytes, 'word/document.xml');
    const p = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes('加强安全生产考核'))!;
    const { accepted, rejected } = readings(p);
    expect(rejected.endsWith('（市安委会办公室、综合考核事务中心牵头，市安委会成员单位、各镇街负责落实）')).toBe(true);
    expect(accepted.endsWith('（市安委会办公室牵头，市安委会成员单位、市住建局、各镇街负责落实）')).toBe(true);
    // Only the changed units are marked, as whole names; the brackets and the rest stay plain.
    expect([...p.matchAll(/<w:del [^>]*>[\s\S]*?<w:delText[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['、综合考核事务中心']);
    expect([...p.matchAll(/<w:ins [^>]*>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['市住建局、']);
    expect(authorsOf(p, 'del')).toEqual(['王五（市住建局）']);
    expect(authorsOf(p, 'ins')).toEqual(['王五（市住建局）']);
    expect(p).toMatch(/<w:ins [^>]*w:date="2026-03-04T08:00:00Z"/);
    // Read back as two suggestions on this task.
    const back = await readReturnedDocx('r.docx', bytes);
    expect(back.items.filter((i) => i.kind !== 'comment').map((i) => [i.kind, i.text])).toEqual([
      ['deletion', '、综合考核事务中心'],
      ['insertion', '市住建局、'],
    ]);
    // The official export still prints the units as they were.
    const official = strFromU8(unzipSync(await exportPlanDocx(doc))['word/document.xml']!);
    expect(official).toContain('市安委会办公室、综合考核事务中心牵头，市安委会成员单位、各镇街负责落实）');
    expect(official).not.toContain('<w:ins ');
  });

  it('units added to a task that had none', async () => {
    const doc = loadPlan();
    const t = task(doc, P_T2);
    t.suggestion = { type: 'units', id: 'su-2', author: '李四', time: '2026-03-04T08:00:00Z', old: { lead: [], support: [] } };
    delete t.unitsText;
    t.lead = ['市应急局'];
    t.support = [];
    const document = part(await exportReviewDocx(doc, []), 'word/document.xml');
    const p = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes('加强安全生产考核'))!;
    const { accepted, rejected } = readings(p);
    expect(rejected.endsWith('）')).toBe(false);
    expect(accepted.endsWith('（市应急局负责）')).toBe(true);
    expect(authorsOf(p, 'ins')).toEqual(['李四']);
  });
});

describe('a returned copy of the draft for opinion', () => {
  it('brings back our own units change, with its author, as nothing new', async () => {
    const lib = tempLibrary();
    try {
      const doc = loadPlan();
      const t = task(doc, P_T2);
      t.suggestion = {
        type: 'units',
        id: 'su-1',
        author: '王五',
        unit: '市住建局',
        time: '2026-03-04T08:00:00Z',
        old: { lead: [...t.lead], support: [...t.support] },
      };
      delete t.unitsText;
      t.support = [...t.support, '市住建局'];
      const rec = (await lib.services['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc })) as { id: string; revision: number };
      const bytes = await exportReviewDocx(doc, []);
      const r = await lib.services['review.import']({
        planId: rec.id,
        baseRevision: rec.revision,
        files: [{ fileName: '县住建局.docx', bytes: new Uint8Array(bytes), unit: '市住建局' }],
      });
      expect([r.insertions, r.deletions, r.comments, r.detached]).toEqual([0, 0, 0, 0]);
    } finally {
      lib.dispose();
    }
  });
});
