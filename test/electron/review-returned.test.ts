// Files as Word and WPS send them back (XML written by hand the way Word writes it): every
// opinion lands on the right task and offsets, also when the reviewer edited around it.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { AppError } from '../../shared/errors';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { matchReviewItems } from '../../shared/review/match';
import { samePlanCheck } from '../../shared/review/same-plan';
import { P_T1, P_T2, cEnd, cStart, comment, del, ins, loadPlan, p, r, task, wordFile } from './review-helpers';
import { idAtPath } from '../../shared/plan/ids';

const doc = loadPlan();
const t1 = task(doc, P_T1);
const t2 = task(doc, P_T2);
const T5 = 'body/2/children/0/children/4';
const t5 = task(doc, T5);

async function returned() {
  // T1: a comment across two runs of the title; 孙七 deletes and inserts in the text.
  const title1 = '深入开展习近平总书记关于安全生产重要论述的宣贯教育活动。';
  const text1 = t1.text;
  const cut = text1.indexOf('组织开展专题学习');
  const para1 = p(
    r('1.深入开展'),
    cStart(1),
    r('习近平', true),
    r('总书记'),
    cEnd(1),
    r(title1.slice(9)),
    r(text1.slice(0, cut)),
    del(101, '孙七', '组织开展'),
    ins(102, '孙七', '认真组织'),
    r(text1.slice(cut + 4)),
    r('（市安委会办公室牵头，市安委会成员单位、各镇街负责落实）'),
  );
  // T2: the reviewer rewrote words just before the commented phrase without tracking, and
  // the comment (with a reply) is on 创新考核方式; a second comment runs on into T5.
  const text2 = t2.text.replace('进一步完善', '进一步健全和完善');
  const a = text2.indexOf('创新考核方式');
  const last = text2.indexOf('充分发挥考核');
  const para2 = p(
    r('4.加强安全生产考核。'),
    r(text2.slice(0, a)),
    cStart(2),
    r('创新考核'),
    r('方式', true),
    cEnd(2),
    r(text2.slice(a + 6, last)),
    cStart(3),
    r(text2.slice(last)),
  );
  const para5 = p(r('5.充分发挥安委办统筹协调作用。'), r(t5.text.slice(0, 10)), cEnd(3), r(t5.text.slice(10)));
  // A paragraph that is not in the plan any more.
  const gone = p(r('6.开展化工园区专项整治三年行动。'), cStart(4), r('全面排查化工园区重大风险'), cEnd(4), r('，建立清单。'));
  const bytes = await wordFile({
    body: p(r('2020年全市安全生产工作要点')) + para1 + para2 + para5 + gone,
    comments:
      comment(1, '张三', '建议删去“总书记”前的定语', '1A000001') +
      comment(2, '市财政局', '考核方式请具体化', '1A000002') +
      comment(5, '安委办', '已按意见修改', '1A000005', '2026-03-06T09:00:00Z') +
      comment(3, '李四', '两项可合并', '1A000003') +
      comment(4, '王五', '此项建议保留', '1A000004'),
    commentsEx:
      '<w15:commentEx w15:paraId="1A000001" w15:done="0"/><w15:commentEx w15:paraId="1A000002" w15:done="1"/>' +
      '<w15:commentEx w15:paraId="1A000005" w15:paraIdParent="1A000002" w15:done="0"/><w15:commentEx w15:paraId="1A000003" w15:done="0"/><w15:commentEx w15:paraId="1A000004" w15:done="0"/>',
  });
  return { bytes, cut };
}

describe('returned Word files', () => {
  it('reads comments across runs and paragraphs, replies, and tracked changes by another author', async () => {
    const { bytes } = await returned();
    const back = await readReturnedDocx('市财政局.docx', bytes);
    expect(back.authors).toEqual(['张三', '孙七', '市财政局', '安委办', '李四', '王五']);
    const [c1, d1, i1, c2, c3, c4] = back.items;
    expect(c1).toMatchObject({ kind: 'comment', author: '张三', anchorText: '习近平总书记', text: '建议删去“总书记”前的定语', date: '2026-03-05T09:00:00Z' });
    expect(d1).toMatchObject({ kind: 'deletion', author: '孙七', text: '组织开展' });
    expect(i1).toMatchObject({ kind: 'insertion', author: '孙七', text: '认真组织' });
    expect(c2).toMatchObject({
      kind: 'comment',
      anchorText: '创新考核方式',
      resolved: true,
      replies: [{ author: '安委办', date: '2026-03-06T09:00:00Z', text: '已按意见修改' }],
    });
    expect(c3!.anchorText).toBe(`充分发挥考核“指挥棒”作用。\n5.充分发挥安委办统筹协调作用。${t5.text.slice(0, 10)}`);
    expect(c4).toMatchObject({ author: '王五', anchorText: '全面排查化工园区重大风险' });
    expect(back.items).toHaveLength(6);
  });

  it('matches every opinion to its task and offsets; text that no longer exists is detached', async () => {
    const { bytes, cut } = await returned();
    const back = await readReturnedDocx('市财政局.docx', bytes);
    const m = matchReviewItems(doc, back.items);
    const at = (i: number) => m[i]!.target;
    expect(at(0)).toEqual({ path: P_T1, nodeId: idAtPath(doc.body, P_T1), field: 'title', from: 4, to: 10 });
    expect(at(1)).toEqual({ path: P_T1, nodeId: idAtPath(doc.body, P_T1), field: 'text', from: cut, to: cut + 4 });
    // The reviewer's insertion is not in the plan: a point where it goes (after the deletion).
    expect(at(2)).toMatchObject({ path: P_T1, field: 'text' });
    expect([cut, cut + 4]).toContain(at(2)!.from);
    expect(at(2)!.to).toBe(at(2)!.from);
    const a = t2.text.indexOf('创新考核方式');
    expect(at(3)).toEqual({ path: P_T2, nodeId: idAtPath(doc.body, P_T2), field: 'text', from: a, to: a + 6 });
    const last = t2.text.indexOf('充分发挥考核');
    expect(at(4)).toEqual({ path: P_T2, nodeId: idAtPath(doc.body, P_T2), field: 'text', from: last, to: t2.text.length });
    expect(m[5]!.target).toBeNull();
    expect(m[5]!.score).toBe(0);
    expect(samePlanCheck(doc, back.paragraphs).same).toBe(true);
  });

  it('warns when the file is another plan', async () => {
    const other = loadPlan('nanxun-2021');
    const bytes = await wordFile({
      body: [other.meta.title, ...other.body.slice(0, 40).map((n) => (n.type === 'paragraph' ? n.text : `${n.title}。${n.text ?? ''}`))]
        .map((t) => p(r(t)))
        .join(''),
    });
    const back = await readReturnedDocx('other.docx', bytes);
    expect(back.items).toEqual([]);
    const check = samePlanCheck(doc, back.paragraphs);
    expect(check.same).toBe(false);
    expect(check.message).toContain('不是“2020年全市安全生产工作要点”');
  });

  it('rejects a .doc, a corrupted .docx and a non-Word file with clear Chinese messages', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    // An OLE file without a WordDocument stream (the real .doc case is in import-formats.test.ts).
    await expect(readReturnedDocx('意见.doc', ole)).rejects.toMatchObject({
      code: 'unsupported-file',
      message: expect.stringContaining('不是 Word/WPS 文字文档'),
    });
    await expect(readReturnedDocx('意见.docx', ole)).rejects.toMatchObject({
      code: 'unsupported-file',
      message: expect.stringContaining('不是 Word/WPS 文字文档'),
    });
    await expect(readReturnedDocx('意见.wps', new TextEncoder().encode('text'))).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringContaining('不是有效的 Word/WPS 文档'),
    });
    const good = await wordFile({ body: p(r('正文')) });
    // A .wps that WPS saved as a .docx zip is read as one.
    expect((await readReturnedDocx('意见.wps', good)).paragraphs).toEqual(['正文']);
    const broken = good.slice(0, Math.floor(good.length / 2));
    const err = await readReturnedDocx('意见.docx', broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad-file');
    expect((err as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    await expect(readReturnedDocx('意见.pdf', new TextEncoder().encode('%PDF-1.4'))).rejects.toMatchObject({ code: 'unsupported-file' });
    // A zip without a Word body.
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    await expect(readReturnedDocx('a.docx', await zip.generateAsync({ type: 'uint8array' }))).rejects.toMatchObject({ code: 'bad-file' });
  });

  it('a file with no comments or changes gives an empty list', async () => {
    const back = await readReturnedDocx('a.docx', await wordFile({ body: p(r('加强安全生产考核。')) }));
    expect(back).toEqual({ items: [], paragraphs: ['加强安全生产考核。'], authors: [], notes: [] });
  });

  it('reads WPS-style nested replies and a point comment without a range', async () => {
    const nested =
      '<w:comment w:id="7" w:author="wps用户" w:date="2026-03-05T09:00:00Z"><w:p><w:r><w:t>请补充时限</w:t></w:r></w:p>' +
      '<w:comment w:id="8" w:author="安委办"><w:p><w:r><w:t>已补充</w:t></w:r></w:p></w:comment></w:comment>';
    const bytes = await wordFile({
      body: p(r('4.加强安全生产考核。'), r('加大安全生产工作'), '<w:r><w:commentReference w:id="7"/></w:r>', r('在镇街')),
      comments: nested,
    });
    const back = await readReturnedDocx('wps.docx', bytes);
    expect(back.items).toHaveLength(1);
    expect(back.items[0]).toMatchObject({
      kind: 'comment',
      author: 'wps用户',
      anchorText: '',
      before: '4.加强安全生产考核。加大安全生产工作',
      replies: [{ author: '安委办', text: '已补充' }],
    });
    const [m] = matchReviewItems(doc, back.items);
    expect(m!.target).toEqual({ path: P_T2, nodeId: idAtPath(doc.body, P_T2), field: 'text', from: 8, to: 8 });
  });
});
