// Export a plan with comment threads and suggestions for opinion, read the DOCX back, match
// it to the plan: the same comments on the same words, the same authors, the same edits.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { matchReviewItems } from '../../shared/review/match';
import { samePlanCheck } from '../../shared/review/same-plan';
import { convertToPdf } from '../helpers/pdf-measure';
import { P_HEADING, P_INTRO, P_T1, node, reviewedPlan } from './review-helpers';

function fieldText(doc: ReturnType<typeof reviewedPlan>['doc'], path: string, field: 'title' | 'text'): string {
  const n = node(doc, path);
  return field === 'title' ? (n as { title: string }).title : (n.text ?? '');
}

/** Text of w:t / w:delText elements, per paragraph. */
function paragraphsOf(xml: string, withDeleted: boolean): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(withDeleted ? /<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g : /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
  );
}

describe('review DOCX round trip', async () => {
  const { doc, threads, marks } = reviewedPlan();
  const bytes = await exportReviewDocx(doc, threads, { lineNumbers: true });
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file('word/document.xml')!.async('string');

  it('reads back the same comments, replies, authors and ranges', async () => {
    const back = await readReturnedDocx('审阅稿.docx', bytes);
    const comments = back.items.filter((i) => i.kind === 'comment');
    expect(comments).toHaveLength(4);
    const byText = (t: string) => comments.find((c) => c.text === t)!;
    const c1 = byText('建议改为“学习宣传贯彻”。');
    // A person with a unit is written “姓名（单位）” (issue 19).
    expect(c1.author).toBe('张三（市住建局）');
    expect(c1.date).toBe('2026-03-01T08:00:00Z');
    expect(c1.anchorText).toBe(fieldText(doc, P_T1, 'title').slice(2, 9));
    expect(c1.replies).toEqual([
      { author: '安委办', date: '2026-03-01T09:00:00Z', text: '已采纳。', sourceId: expect.any(String), parentId: c1.sourceId },
      { author: '张三', date: '2026-03-01T10:00:00Z', text: '好的。\n第二段', sourceId: expect.any(String), parentId: c1.sourceId },
    ]);
    expect(byText('此处表述需与省里文件一致').anchorText).toBe(fieldText(doc, P_T1, 'text').slice(8, 30));
    const c3 = byText('考核办法<附件>另行制定 & 印发');
    expect(c3.resolved).toBe(true);
    expect(c3.anchorText).toBe('加强安全生产考核');
    expect(byText('标题太长').anchorText).toBe(fieldText(doc, P_HEADING, 'title').slice(2, 4));
    const ins = back.items.filter((i) => i.kind === 'insertion');
    const del = back.items.filter((i) => i.kind === 'deletion');
    expect(ins.map((i) => [i.author, i.text, i.date])).toEqual([['李四（市应急局）', fieldText(doc, P_T1, 'text').slice(10, 14), '2026-03-02T09:00:00Z']]);
    expect(del.map((i) => [i.author, i.text])).toEqual([
      ['赵六', fieldText(doc, P_INTRO, 'text').slice(0, 5)],
      ['王五（市教育局）', fieldText(doc, P_T1, 'text').slice(20, 26)],
    ]);
    expect(back.authors).toEqual(expect.arrayContaining(['张三（市住建局）', '张三', '安委办', '李四', '王五', '赵六']));
    expect(samePlanCheck(doc, back.paragraphs)).toMatchObject({ same: true });

    // Every item lands on the mark it came from.
    const matches = matchReviewItems(doc, back.items);
    expect(matches.every((m) => m.target)).toBe(true);
    const got = matches.map((m) => `${m.target!.path}|${m.target!.field}|${m.target!.from}|${m.target!.to}`).sort();
    const want = marks.map(({ path, mark }) => `${path}|${mark.field}|${mark.from}|${mark.to}`).sort();
    expect(got).toEqual(want);
  });

  it('keeps the official text: only the draft mark is added, nothing lost or doubled', async () => {
    // The official export leaves pending suggestions out; compare with the same text unmarked.
    const unmarked = structuredClone(doc);
    const strip = (nodes: typeof unmarked.body) =>
      nodes.forEach((n) => {
        delete n.marks;
        if (n.type !== 'paragraph') strip(n.children);
      });
    strip(unmarked.body);
    const plain = await JSZip.loadAsync(await exportPlanDocx(unmarked));
    const plainXml = await plain.file('word/document.xml')!.async('string');
    const a = paragraphsOf(plainXml, true);
    const b = paragraphsOf(documentXml, true);
    expect(b[0]).toBe('征求意见稿');
    expect(b.slice(1)).toEqual(a);
    expect(documentXml).not.toMatch(/[\ue0ff\ue100-\uf8ff]/);
    // Deleted text only in w:delText; line numbers on.
    expect(documentXml).toContain('<w:lnNumType w:countBy="1" w:restart="newPage"/>');
    expect(paragraphsOf(documentXml, false).join('')).not.toContain(fieldText(doc, P_T1, 'text').slice(20, 26));
  });

  it('is a valid package: content types, relationships, unique ids and paraIds', async () => {
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/word/comments.xml"');
    expect(types).toContain('PartName="/word/commentsExtended.xml"');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const relIds = [...rels.matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(relIds).size).toBe(relIds.length);
    expect(rels).toMatch(/relationships\/comments" Target="comments.xml"/);
    expect(rels).toMatch(/2011\/relationships\/commentsExtended" Target="commentsExtended.xml"/);
    const comments = await zip.file('word/comments.xml')!.async('string');
    const ext = await zip.file('word/commentsExtended.xml')!.async('string');
    const commentIds = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1]);
    expect(commentIds).toHaveLength(6);
    expect(new Set(commentIds).size).toBe(6);
    for (const id of commentIds) {
      expect(documentXml).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(documentXml).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
      expect(documentXml).toContain(`<w:commentReference w:id="${id}"/>`);
      expect(documentXml.indexOf(`<w:commentRangeStart w:id="${id}"/>`)).toBeLessThan(documentXml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`));
    }
    const paraIds = [...comments.matchAll(/w14:paraId="([0-9A-F]{8})"/g)].map((m) => m[1]!);
    expect(new Set(paraIds).size).toBe(paraIds.length);
    for (const id of paraIds) expect(parseInt(id, 16)).toBeLessThan(0x80000000);
    const exIds = [...ext.matchAll(/w15:paraId="([0-9A-F]{8})"/g)].map((m) => m[1]!);
    expect(exIds.every((id) => paraIds.includes(id))).toBe(true);
    for (const m of ext.matchAll(/w15:paraIdParent="([0-9A-F]{8})"/g)) expect(paraIds).toContain(m[1]);
    const revIds = [...documentXml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(revIds.length).toBeGreaterThan(0);
    expect(new Set(revIds).size).toBe(revIds.length);
    expect(revIds.some((id) => commentIds.includes(id))).toBe(false);
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings.indexOf('<w:trackRevisions/>')).toBeLessThan(settings.indexOf('<w:defaultTabStop'));
    // Well-formed: every part parses (xmllint when installed).
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-review-'));
    try {
      for (const name of ['word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/settings.xml', '[Content_Types].xml']) {
        const f = join(dir, name.replace(/\W/g, '_'));
        writeFileSync(f, await zip.file(name)!.async('string'));
        try {
          execFileSync('xmllint', ['--noout', f], { stdio: 'pipe' });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${name}: ${String((err as { stderr?: Buffer }).stderr ?? err)}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens in LibreOffice: the PDF shows the draft mark and the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-review-pdf-'));
    try {
      const file = join(dir, 'review.docx');
      writeFileSync(file, bytes);
      const [pdf] = await convertToPdf([file], dir);
      const text = execFileSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text.slice(0, 200)).toContain('征求意见稿');
      expect(text).toContain('加强安全生产考核');
      expect(text).toContain(fieldText(doc, P_T1, 'text').slice(30, 50).replace(/\s+/g, ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
