// The review export builds its comments and tracked changes through the docx API as a layer of
// the official layout: the text reads exactly as the official export's, whatever the marks.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { P_T1, loadPlan, task } from './review-helpers';
import type { ReviewThread } from '../../shared/review/types';

/** Text of w:t / w:delText elements, per paragraph. */
async function paragraphs(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((x) => x[1]).join(''),
  );
}

describe('review export layer', () => {
  it.each(['加强安全生产考核。', '加强安全生产考核；', '加强安全生产考核'])('a comment over the whole title "%s" adds no second stop', async (title) => {
    const doc = loadPlan();
    const t = task(doc, P_T1);
    t.title = title;
    const official = await paragraphs(await exportPlanDocx(structuredClone(doc)));
    t.marks = [
      { field: 'title', from: 0, to: title.length, type: 'comment', id: 'th' },
      { field: 'title', from: title.length, to: title.length, type: 'comment', id: 'th-point' },
    ];
    const threads: ReviewThread[] = [
      { id: 'th', status: 'open', comments: [{ id: 'c', author: '张三', body: '标题', time: '2026-03-01T08:00:00Z' }] },
      { id: 'th-point', status: 'open', comments: [{ id: 'd', author: '李四', body: '此处', time: '2026-03-01T08:00:00Z' }] },
    ];
    const bytes = await exportReviewDocx(doc, threads, { draftMark: '' });
    const review = await paragraphs(bytes);
    expect(review).toEqual(official);
    expect(review.join('\n')).not.toMatch(/[；。]。/);
    const back = await readReturnedDocx('r.docx', bytes);
    expect(back.items.filter((i) => i.kind === 'comment').map((c) => c.anchorText)).toEqual([title, '']);
  });

  it('text suggested in and then out is written as deleted, once', async () => {
    const doc = loadPlan();
    const t = task(doc, P_T1);
    t.marks = [
      { field: 'text', from: 4, to: 12, type: 'insertion', id: 'i', author: '李四', time: '2026-03-02T09:00:00Z' },
      { field: 'text', from: 6, to: 10, type: 'deletion', id: 'd', author: '王五', time: '2026-03-02T10:00:00Z' },
    ];
    const back = await readReturnedDocx('r.docx', await exportReviewDocx(doc, []));
    expect(back.items.filter((i) => i.kind === 'deletion').map((i) => [i.author, i.text])).toEqual([['王五', t.text.slice(6, 10)]]);
    expect(
      back.items
        .filter((i) => i.kind === 'insertion')
        .map((i) => i.text)
        .join(''),
    ).toBe(t.text.slice(4, 6) + t.text.slice(10, 12));
  });
});
