// 导入反馈文件 with a real exported draft for opinion, edited the way Word edits it: a reply to
// one of the office's exported threads (linked by commentsExtended, [MS-DOCX] 2.5.3.1 CT_CommentEx:
// w15:paraIdParent names the w14:paraId of the parent comment's last paragraph; commentsIds,
// 2.8.3.1 CT_CommentId, and commentsExtensible, 2.10.3.1, give its durable id and UTC time), a new
// comment, a tracked insertion and a tracked deletion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { tempLibrary } from '../helpers/temp-library';
import { aroundPhrase, consultationPlan, editExported, wordComment } from './review-helpers';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.dispose());

const WHO = '王五（县住建局）';
const REPLY = '同意，另建议把考核结果纳入年度述职';
const NEW = '建议明确检查频次';
const INSERTED = '，每季度通报一次';

/** The office's export, returned by 县住建局 with a reply in th-1, a new comment, an insertion and a deletion. */
async function returnedFile(planId: string) {
  const s = lib.services;
  const exported = new Uint8Array((await s['export.review']({ planId })).bytes);
  const comments = await (await JSZip.loadAsync(exported)).file('word/comments.xml')!.async('string');
  // The w14:paraId of the last paragraph of a comment, as exported (what paraIdParent names).
  const paraOf = (text: string) => {
    const block = [...comments.matchAll(/<w:comment [\s\S]*?<\/w:comment>/g)].map((m) => m[0]).find((b) => b.includes(text))!;
    return [...block.matchAll(/w14:paraId="([0-9A-F]{8})"/g)].pop()![1]!;
  };
  const rootPara = paraOf('建议改为“学习宣传贯彻”');
  // th-4's only comment (标题太长), answered “同意” (王五 may have said so in another thread).
  const th4Para = paraOf('标题太长');
  const th4Id = [...comments.matchAll(/<w:comment w:id="(\d+)"[\s\S]*?<\/w:comment>/g)].find((m) => m[0].includes('标题太长'))![1]!;
  const bytes = await editExported(exported, {
    document: (xml) => {
      xml = aroundPhrase(
        xml,
        '推进小微企业',
        (run, ph) => `<w:commentRangeStart w:id="90"/>${run(ph)}<w:commentRangeEnd w:id="90"/><w:r><w:commentReference w:id="90"/></w:r>`,
      );
      xml = aroundPhrase(
        xml,
        '加强企业大型设备检维修管理',
        (run, ph) => `${run(ph)}<w:ins w:id="92" w:author="${WHO}" w:date="2026-03-05T10:00:00Z">${run(INSERTED)}</w:ins>`,
      );
      xml = aroundPhrase(
        xml,
        '规范运行',
        (run, ph) => `<w:del w:id="93" w:author="${WHO}" w:date="2026-03-05T10:01:00Z"><w:r><w:delText>${ph}</w:delText></w:r></w:del>`,
      );
      // The reply's anchor: Word puts the reply's range and reference next to its parent's.
      return xml
        .replace('<w:commentRangeStart w:id="1"/>', '<w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="91"/>')
        .replace(/(<w:commentRangeEnd w:id="1"\/>)/, '$1<w:commentRangeEnd w:id="91"/><w:r><w:commentReference w:id="91"/></w:r>')
        .replace(`<w:commentRangeEnd w:id="${th4Id}"/>`, `<w:commentRangeEnd w:id="${th4Id}"/><w:r><w:commentReference w:id="94"/></w:r>`);
    },
    comments:
      wordComment(90, WHO, NEW, '5A000090', '2026-03-05T18:00:00Z') +
      wordComment(91, WHO, REPLY, '5A000091', '2026-03-05T18:05:00Z') +
      wordComment(94, WHO, '同意', '5A000094', '2026-03-05T18:06:00Z'),
    // 90 opens its own thread; 91 answers th-1's first comment.
    commentsEx: `<w15:commentEx w15:paraId="5A000090" w15:done="0"/><w15:commentEx w15:paraId="5A000091" w15:paraIdParent="${rootPara}" w15:done="0"/><w15:commentEx w15:paraId="5A000094" w15:paraIdParent="${th4Para}" w15:done="0"/>`,
    commentIds:
      '<w16cid:commentId w16cid:paraId="5A000090" w16cid:durableId="1B2C3D90"/><w16cid:commentId w16cid:paraId="5A000091" w16cid:durableId="1B2C3D91"/>',
    // The UTC times (w:date above is the reviewer's local clock, UTC+8).
    commentsExtensible:
      '<w16cex:commentExtensible w16cex:durableId="1B2C3D90" w16cex:dateUtc="2026-03-05T10:00:00Z"/><w16cex:commentExtensible w16cex:durableId="1B2C3D91" w16cex:dateUtc="2026-03-05T10:05:00Z"/>',
  });
  return { bytes, rootPara };
}

describe('a returned file with a reply to an exported thread', () => {
  it('reads the reply into its thread, by paraIdParent, with its UTC time and parent id', async () => {
    const plan = await consultationPlan(lib);
    const { bytes } = await returnedFile(plan.id);
    const back = await readReturnedDocx('县住建局反馈.docx', bytes);
    const th1 = back.items.find((i) => i.text === '建议改为“学习宣传贯彻”。')!;
    expect(th1.replies!.map((r) => [r.author, r.text, r.date])).toEqual([
      ['安委办', '已采纳。', expect.any(String)],
      ['张三', '好的。\n第二段', expect.any(String)],
      [WHO, REPLY, '2026-03-05T10:05:00Z'],
    ]);
    expect(th1.replies![2]!.parentId).toBe(th1.sourceId);
    const own = back.items.find((i) => i.text === NEW)!;
    expect(own).toMatchObject({ kind: 'comment', author: WHO, anchorText: '推进小微企业', date: '2026-03-05T10:00:00Z' });
    expect(own.replies).toBeUndefined();
  });

  it('imports the reply into the existing thread, the new comment as a new thread; people and units split; one round', async () => {
    const s = lib.services;
    const plan = await consultationPlan(lib);
    // 王五 already said “同意” in th-2 (in PlanDesk): his “同意” under th-4 is still new there.
    await s['review.threads.reply']({ threadId: 'th-2', body: '同意', author: '王五', unit: '县住建局' });
    const { bytes } = await returnedFile(plan.id);
    const [a] = await s['review.analyse']({ planId: plan.id, files: [{ fileName: '反馈.docx', bytes }] });
    expect(a!.items.map((it) => [it.kind, it.text])).toEqual(
      expect.arrayContaining([
        ['comment', NEW],
        ['reply', REPLY],
        ['reply', '同意'],
        ['insertion', INSERTED],
        ['deletion', '规范运行'],
      ]),
    );
    expect(a!.items).toHaveLength(5);
    expect(a!.unit).toBe('县住建局');

    const before = await s['review.threads.list']({ planId: plan.id });
    const r = await s['review.import']({ planId: plan.id, baseRevision: plan.revision, files: [{ fileName: '反馈.docx', bytes, unit: a!.unit }] });
    expect(r).toMatchObject({ comments: 1, replies: 2, insertions: 1, deletions: 1 });
    const threads = await s['review.threads.list']({ planId: plan.id });
    expect(threads).toHaveLength(before.length + 1);
    const th1 = threads.find((t) => t.id === 'th-1')!;
    expect(th1.comments.map((c) => [c.author, c.unit, c.body])).toEqual([
      ['张三', '市住建局', '建议改为“学习宣传贯彻”。'],
      ['安委办', '', '已采纳。'],
      ['张三', '', '好的。\n第二段'],
      ['王五', '县住建局', REPLY],
    ]);
    expect(th1.comments[3]!.createdAt).toBe('2026-03-05T10:05:00Z');
    expect(threads.find((t) => t.id === 'th-4')!.comments.map((c) => [c.author, c.unit, c.body])).toEqual([
      ['赵六', '', '标题太长'],
      ['王五', '县住建局', '同意'],
    ]);
    expect(threads.find((t) => t.id === 'th-2')!.comments).toHaveLength(2);
    const fresh = threads.find((t) => !before.some((b) => b.id === t.id))!;
    expect(fresh.comments.map((c) => [c.author, c.unit, c.body])).toEqual([['王五', '县住建局', NEW]]);

    // Every row from this file carries the round it was imported in.
    const rows = await s['review.opinions.list']({ planId: plan.id });
    const fromFile = rows.filter((row) => row.unit === '县住建局');
    expect(fromFile.map((row) => row.content).sort()).toEqual([NEW, '建议删除：规范运行', `建议增加：每季度通报一次`].sort());
    expect(new Set(fromFile.map((row) => row.round))).toEqual(new Set(['consultation']));
    expect(rows.find((row) => row.sourceId === 'th-1')!.content).toContain(`王五：${REPLY}`);
  });

  it('the same file imported again: nothing new, nothing stored, no new revision', async () => {
    const s = lib.services;
    const plan = await consultationPlan(lib);
    const { bytes } = await returnedFile(plan.id);
    const files = [{ fileName: '反馈.docx', bytes, unit: '县住建局' }];
    const first = await s['review.import']({ planId: plan.id, baseRevision: plan.revision, files });
    const threads = await s['review.threads.list']({ planId: plan.id });
    const versions = await s['versions.list']({ planId: plan.id });
    const [a] = await s['review.analyse']({ planId: plan.id, files });
    expect(a!.items).toEqual([]);
    const again = await s['review.import']({ planId: plan.id, baseRevision: first.revision, files });
    expect(again).toMatchObject({ revision: first.revision, comments: 0, replies: 0, insertions: 0, deletions: 0, detached: 0, nothingNew: true });
    expect(await s['review.threads.list']({ planId: plan.id })).toEqual(threads);
    expect(await s['versions.list']({ planId: plan.id })).toEqual(versions);
    expect((await s['plans.get']({ id: plan.id })).revision).toBe(first.revision);
  });
});
