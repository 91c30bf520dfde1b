// 导入反馈文件: the office's own comments and suggestions, exported in the draft for opinion,
// come back in every returned file. The preview lists only what is new, says how many of ours
// it recognised, and proposes the 提出单位 from the authors or the file name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flattenOutline } from '../../shared/plan/outline';
import { taskRunningText } from '../../shared/plan/running-text';
import { tempLibrary } from '../helpers/temp-library';
import { comment, cEnd, cStart, ins, loadPlan, p, r, reviewedPlan, wordFile } from './review-helpers';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.dispose());

/** The sample plan in the library with its threads (comments, one reply) and three suggestions. */
async function reviewedInLibrary() {
  const s = lib.services;
  const { doc, threads } = reviewedPlan();
  const plan = await s['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc });
  for (const t of threads) {
    const [first, ...replies] = t.comments;
    await s['review.threads.create']({ planId: plan.id, threadId: t.id, quote: '', body: first!.body, author: first!.author, unit: first!.unit ?? '' });
    for (const c of replies) await s['review.threads.reply']({ threadId: t.id, body: c.body, author: c.author, unit: c.unit ?? '' });
  }
  return plan;
}

describe('review.analyse: only what is new in a returned file', () => {
  it('our own draft for opinion, returned unchanged: nothing new, every opinion of ours recognised', async () => {
    const s = lib.services;
    const plan = await reviewedInLibrary();
    const bytes = new Uint8Array((await s['export.review']({ planId: plan.id })).bytes);
    const [a] = await s['review.analyse']({ planId: plan.id, files: [{ fileName: '县住建局反馈.docx', bytes }] });
    // 4 threads (one with 2 replies) and 3 suggestions went out; all come back.
    expect(a!.items).toEqual([]);
    expect(a!.known).toBeGreaterThanOrEqual(7);
    expect(a!.authors).toEqual([]);
    expect(a!.unit).toBe('县住建局');
  });

  it('a returned file with ours and one new comment: lists the new one, counts ours, unit from the author', async () => {
    const s = lib.services;
    const plan = await reviewedInLibrary();
    const doc = loadPlan();
    const lines = [doc.meta.title, ...flattenOutline(doc.body).map((i) => (i.node.type === 'task' ? taskRunningText(i.node) : `${i.label}${i.title}`))];
    const k = lines.findIndex((l) => l.startsWith('2.完善落实安全生产责任制'));
    const line = lines[k]!;
    const cut = line.indexOf('，建立') >= 0 ? line.indexOf('，建立') : 12;
    const body = lines
      .map((l, i) =>
        i === k
          ? p(cStart(1), r(line.slice(0, cut)), cEnd(1), ins(3, '王五（县住建局）', '，每季度开展一次检查'), cStart(2), r(line.slice(cut)), cEnd(2))
          : p(r(l)),
      )
      .join('');
    const bytes = new Uint8Array(
      await wordFile({
        body,
        // Ours (张三's comment of th-1, exactly as we exported it) and a new one.
        comments: comment(1, '张三', '建议改为“学习宣传贯彻”。', '1A2B3C4D') + comment(2, '王五（县住建局）', '建议明确检查频次', '1A2B3C4E'),
      }),
    );
    const [a] = await s['review.analyse']({ planId: plan.id, files: [{ fileName: '反馈.docx', bytes }] });
    expect(a!.items.map((it) => [it.kind, it.author, it.text])).toEqual([
      ['insertion', '王五（县住建局）', '，每季度开展一次检查'],
      ['comment', '王五（县住建局）', '建议明确检查频次'],
    ]);
    expect(a!.known).toBe(1);
    expect(a!.authors).toEqual(['王五（县住建局）']);
    expect(a!.unit).toBe('县住建局');

    // Imported: the 汇总表 shows the insertion without the comma it starts with.
    await s['review.import']({ planId: plan.id, baseRevision: plan.revision, files: [{ fileName: '反馈.docx', bytes, unit: a!.unit }] });
    const rows = await s['review.opinions.list']({ planId: plan.id });
    expect(rows.map((row) => row.content)).toContain('建议增加：每季度开展一次检查');
    expect(rows.filter((row) => row.content.includes('学习宣传贯彻'))).toHaveLength(1);
  });
});
