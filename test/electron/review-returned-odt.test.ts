// Returned files saved as OpenDocument text (.odt): comments (office:annotation with dc:creator
// and dc:date, ranges to office:annotation-end) and tracked changes (text:tracked-changes with
// text:changed-region → text:insertion / text:deletion; text:change-start / text:change-end and
// text:change in the body) read and placed on tasks like a DOCX's; a reply by loext:parent-name. The XML follows what
// LibreOffice 7.4 writes (the round trip through LibreOffice itself is review-libreoffice.test.ts).
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { matchReviewItems } from '../../shared/review/match';
import { samePlanCheck } from '../../shared/review/same-plan';
import { idAtPath } from '../../shared/plan/ids';
import { P_T1, P_T2, loadPlan, task } from './review-helpers';

const doc = loadPlan();
const t1 = task(doc, P_T1);
const t2 = task(doc, P_T2);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const span = (s: string) => `<text:span text:style-name="T4">${esc(s)}</text:span>`;

async function odt(body: string, changes: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  zip.file(
    'content.xml',
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3">' +
      `<office:body><office:text><text:tracked-changes>${changes}</text:tracked-changes>${body}</office:text></office:body></office:document-content>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

const region = (id: string, kind: 'insertion' | 'deletion' | 'format-change', who: string, deleted = '') =>
  `<text:changed-region xml:id="${id}" text:id="${id}"><text:${kind}><office:change-info><dc:creator>${who}</dc:creator><dc:date>2026-03-05T10:00:00</dc:date>${
    kind === 'insertion' ? '<text:p>Comment added</text:p>' : ''
  }</office:change-info>${deleted ? `<text:p text:style-name="P4">${span(deleted)}</text:p>` : ''}</text:${kind}></text:changed-region>`;

const annotation = (name: string | null, who: string, text: string, date = '2026-03-05T09:00:00') =>
  `<office:annotation${name ? ` office:name="${name}"` : ''} loext:resolved="false"><dc:creator>${who}</dc:creator><dc:date>${date}</dc:date><meta:creator-initials>${who[0]}</meta:creator-initials><text:p>${esc(
    text,
  )}</text:p></office:annotation>`;

describe('returned .odt files', () => {
  it('reads comments, their ranges and tracked insertions / deletions, and places them on the tasks', async () => {
    const WHO = '王五（县住建局）';
    const text1 = t1.text;
    const cut = text1.indexOf('组织开展专题学习');
    const a = t2.text.indexOf('创新考核方式');
    const body =
      `<text:p text:style-name="P1">${span('2020年全市安全生产工作要点')}</text:p>` +
      // T1: a comment over 习近平总书记, a tracked deletion of 组织开展 and an insertion of 认真组织.
      `<text:p text:style-name="P4">${span('1.深入开展')}${annotation('__Annotation__1', WHO, '建议删去“总书记”前的定语')}${span('习近平总书记')}<office:annotation-end office:name="__Annotation__1"/>` +
      // An answer, as newer LibreOffice writes one: no name of its own, loext:parent-name naming its parent.
      `<office:annotation loext:parent-name="__Annotation__1"><dc:creator>安委办</dc:creator><dc:date>2026-03-06T09:00:00</dc:date><text:p>已按意见修改</text:p></office:annotation>` +
      `${span(`关于安全生产重要论述的宣贯教育活动。${text1.slice(0, cut)}`)}<text:change text:change-id="ct1"/>` +
      `<text:change-start text:change-id="ct2"/>${span('认真组织')}<text:change-end text:change-id="ct2"/>${span(text1.slice(cut + 4))}<text:s/>${span('（市安委会办公室牵头，市安委会成员单位、各镇街负责落实）')}</text:p>` +
      // T2: a comment on a point (no name, no end) before 创新考核方式, and a formatting change (not an opinion).
      `<text:p text:style-name="P4">${span(`4.加强安全生产考核。${t2.text.slice(0, a)}`)}${annotation(null, '市财政局', '考核方式请具体化', '0000-00-00T00:00:00')}<text:change-start text:change-id="ct3"/>${span(
        t2.text.slice(a),
      )}<text:change-end text:change-id="ct3"/></text:p>`;
    const bytes = await odt(body, region('ct1', 'deletion', WHO, '组织开展') + region('ct2', 'insertion', WHO) + region('ct3', 'format-change', WHO));
    const back = await readReturnedDocx('县住建局反馈.odt', bytes);
    expect(back.notes).toEqual([]);
    expect(back.authors).toEqual([WHO, '安委办', '市财政局']);
    const [c1, d1, i1, c2] = back.items;
    expect(back.items).toHaveLength(4);
    expect(c1).toMatchObject({ kind: 'comment', author: WHO, text: '建议删去“总书记”前的定语', anchorText: '习近平总书记', date: '2026-03-05T09:00:00Z' });
    expect(c1!.replies).toEqual([
      { author: '安委办', date: '2026-03-06T09:00:00Z', text: '已按意见修改', sourceId: expect.any(String), parentId: '__Annotation__1' },
    ]);
    expect(d1).toMatchObject({ kind: 'deletion', author: WHO, text: '组织开展', date: '2026-03-05T10:00:00Z' });
    expect(i1).toMatchObject({ kind: 'insertion', author: WHO, text: '认真组织' });
    expect(c2).toMatchObject({ kind: 'comment', author: '市财政局', text: '考核方式请具体化', anchorText: '' });
    expect(c2!.date).toBeUndefined();
    // The paragraphs read as a DOCX's: inserted and deleted text both in.
    expect(back.paragraphs[1]).toContain(`${text1.slice(0, cut)}组织开展认真组织${text1.slice(cut + 4, cut + 10)}`);
    expect(samePlanCheck(doc, back.paragraphs).same).toBe(true);

    const m = matchReviewItems(doc, back.items);
    expect(m[0]!.target).toEqual({ path: P_T1, nodeId: idAtPath(doc.body, P_T1), field: 'title', from: 4, to: 10 });
    expect(m[1]!.target).toEqual({ path: P_T1, nodeId: idAtPath(doc.body, P_T1), field: 'text', from: cut, to: cut + 4 });
    expect(m[2]!.target).toMatchObject({ path: P_T1, field: 'text' });
    expect(m[3]!.target).toEqual({ path: P_T2, nodeId: idAtPath(doc.body, P_T2), field: 'text', from: a, to: a });
  });

  it('a damaged .odt or one that is no zip: a clear Chinese message', async () => {
    await expect(readReturnedDocx('意见.odt', new TextEncoder().encode('not a zip'))).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringContaining('不是有效的 OpenDocument 文本文件（.odt）'),
    });
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
    zip.file('content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text>');
    const truncated = await readReturnedDocx('意见.odt', await zip.generateAsync({ type: 'uint8array' })).catch((e: unknown) => e);
    // htmlparser2 is lenient: an unclosed body reads as empty rather than failing.
    expect(truncated).toMatchObject({ items: [], paragraphs: [] });
  });
});
