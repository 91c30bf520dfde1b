// Shared by the review tests: a sample plan with comment threads and suggestions, and a
// returned DOCX written by hand the way Word writes one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { nodeAtPath } from '../../shared/plan/paths';
import type { PlanDocument, TaskNode, TextMark } from '../../shared/plan/schema';
import type { ReviewThread } from '../../shared/review/types';
import { parsePlanDocument } from '../../shared/validation';
import { roundSavePoint } from '../../shared/plan/status';
import type { Library } from '../../electron/services/open-library';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'plans', 'tengzhou-2020.plan.json');

export function loadPlan(name = 'tengzhou-2020'): PlanDocument {
  return parsePlanDocument(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'plans', `${name}.plan.json`), 'utf8')));
}

export const P_INTRO = 'body/0';
export const P_HEADING = 'body/2/children/0';
export const P_T1 = 'body/2/children/0/children/0';
export const P_T2 = 'body/2/children/0/children/3';

export function node(doc: PlanDocument, path: string) {
  const n = nodeAtPath(doc.body, path);
  if (!n) throw new Error(`no node at ${path}`);
  return n;
}

export function task(doc: PlanDocument, path: string): TaskNode {
  const n = node(doc, path);
  if (n.type !== 'task') throw new Error(`${path} is not a task`);
  return n;
}

function addMark(doc: PlanDocument, path: string, m: TextMark) {
  const n = node(doc, path);
  n.marks = [...(n.marks ?? []), m];
}

/** The sample plan with two comment threads (one with replies, one resolved) and suggestions. */
export function reviewedPlan(): { doc: PlanDocument; threads: ReviewThread[]; marks: Array<{ path: string; mark: TextMark }> } {
  const doc = loadPlan();
  const marks: Array<{ path: string; mark: TextMark }> = [
    { path: P_T1, mark: { field: 'title', from: 2, to: 9, type: 'comment', id: 'th-1' } },
    { path: P_T1, mark: { field: 'text', from: 10, to: 14, type: 'insertion', id: 's-1', author: '李四', unit: '市应急局', time: '2026-03-02T09:00:00Z' } },
    { path: P_T1, mark: { field: 'text', from: 20, to: 26, type: 'deletion', id: 's-2', author: '王五', unit: '市教育局', time: '2026-03-02T10:30:00Z' } },
    // Overlapping the insertion: comments may overlap anything.
    { path: P_T1, mark: { field: 'text', from: 8, to: 30, type: 'comment', id: 'th-2' } },
    { path: P_T2, mark: { field: 'title', from: 0, to: 8, type: 'comment', id: 'th-3' } },
    { path: P_HEADING, mark: { field: 'title', from: 2, to: 4, type: 'comment', id: 'th-4' } },
    { path: P_INTRO, mark: { field: 'text', from: 0, to: 5, type: 'deletion', id: 's-3', author: '赵六', time: '2026-03-03T08:00:00Z' } },
  ];
  for (const { path, mark } of marks) addMark(doc, path, mark);
  const threads: ReviewThread[] = [
    {
      id: 'th-1',
      status: 'open',
      comments: [
        { id: 'c1', author: '张三', unit: '市住建局', body: '建议改为“学习宣传贯彻”。', time: '2026-03-01T08:00:00Z' },
        { id: 'c2', author: '安委办', body: '已采纳。', time: '2026-03-01T09:00:00Z' },
        { id: 'c3', author: '张三', body: '好的。\n第二段', time: '2026-03-01T10:00:00Z' },
      ],
    },
    { id: 'th-2', status: 'open', comments: [{ id: 'c4', author: '李四', body: '此处表述需与省里文件一致', time: '2026-03-01T11:00:00Z' }] },
    { id: 'th-3', status: 'resolved', comments: [{ id: 'c5', author: '王五', body: '考核办法<附件>另行制定 & 印发', time: '2026-03-01T12:00:00Z' }] },
    { id: 'th-4', status: 'open', comments: [{ id: 'c6', author: '赵六', body: '标题太长', time: '2026-03-01T13:00:00Z' }] },
  ];
  return { doc, threads, marks };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface WordFileParts {
  /** The inner XML of w:body (paragraphs). */
  body: string;
  /** w:comment elements. */
  comments?: string;
  /** w15:commentEx elements. */
  commentsEx?: string;
}

/** A minimal package as Word writes it: content types, rels, document, comments, commentsExtended. */
export async function wordFile(parts: WordFileParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const hasComments = parts.comments !== undefined;
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      (hasComments
        ? '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
          '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>'
        : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      (hasComments
        ? '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' +
          '<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>'
        : '') +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  if (hasComments) {
    zip.file(
      'word/comments.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">${parts.comments}</w:comments>`,
    );
    zip.file(
      'word/commentsExtended.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">${parts.commentsEx ?? ''}</w15:commentsEx>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run the way Word writes one (with some formatting, so runs really are split). */
export const r = (text: string, bold = false) =>
  `<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:hint="eastAsia"/>${bold ? '<w:b/>' : ''}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
export const p = (...content: string[]) =>
  `<w:p w14:paraId="3F2A1B0C" w:rsidR="00A1B2C3"><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${content.join('')}</w:p>`;
export const ins = (id: number, author: string, text: string, date = '2026-03-05T10:00:00Z') =>
  `<w:ins w:id="${id}" w:author="${author}" w:date="${date}">${r(text)}</w:ins>`;
export const del = (id: number, author: string, text: string, date = '2026-03-05T10:00:00Z') =>
  `<w:del w:id="${id}" w:author="${author}" w:date="${date}"><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:delText>${esc(text)}</w:delText></w:r></w:del>`;
export const cStart = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
export const cEnd = (id: number) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
export const comment = (id: number, author: string, text: string, paraId: string, date = '2026-03-05T09:00:00Z') =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${author[0]}"><w:p w14:paraId="${paraId}" w14:textId="77777777"><w:pPr><w:pStyle w:val="a8"/></w:pPr><w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:annotationRef/></w:r><w:r><w:t>${esc(text)}</w:t></w:r></w:p></w:comment>`;

/**
 * A returned file made from a real exported draft for opinion: the reviewer's edits applied to
 * its parts (document, comments, commentsExtended) and new parts added with their relationships
 * and content types (commentsIds, commentsExtensible), the way Word writes them.
 */
export async function editExported(
  bytes: Uint8Array,
  edit: {
    document?: (xml: string) => string;
    /** w:comment elements appended to word/comments.xml. */
    comments?: string;
    /** w15:commentEx elements appended to word/commentsExtended.xml ([MS-DOCX] 2.5.3.1 CT_CommentEx). */
    commentsEx?: string;
    /** w16cid:commentId elements: a new word/commentsIds.xml ([MS-DOCX] 2.8.3.1 CT_CommentId). */
    commentIds?: string;
    /** w16cex:commentExtensible elements: a new word/commentsExtensible.xml ([MS-DOCX] 2.10.3.1). */
    commentsExtensible?: string;
  },
): Promise<Uint8Array<ArrayBuffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async('string');
  if (edit.document) zip.file('word/document.xml', edit.document(await text('word/document.xml')));
  if (edit.comments) zip.file('word/comments.xml', (await text('word/comments.xml')).replace('</w:comments>', `${edit.comments}</w:comments>`));
  if (edit.commentsEx)
    zip.file('word/commentsExtended.xml', (await text('word/commentsExtended.xml')).replace('</w15:commentsEx>', `${edit.commentsEx}</w15:commentsEx>`));
  const added: Array<{ part: string; root: string; ns: string; prefix: string; type: string; rel: string; body: string }> = [];
  if (edit.commentIds !== undefined)
    added.push({
      part: 'commentsIds.xml',
      root: 'commentsIds',
      prefix: 'w16cid',
      ns: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml',
      rel: 'http://schemas.microsoft.com/office/2016/09/relationships/commentsIds',
      body: edit.commentIds,
    });
  if (edit.commentsExtensible !== undefined)
    added.push({
      part: 'commentsExtensible.xml',
      root: 'commentsExtensible',
      prefix: 'w16cex',
      ns: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml',
      rel: 'http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible',
      body: edit.commentsExtensible,
    });
  let types = await text('[Content_Types].xml');
  let rels = await text('word/_rels/document.xml.rels');
  added.forEach((a, k) => {
    zip.file(
      `word/${a.part}`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${a.prefix}:${a.root} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:${a.prefix}="${a.ns}" mc:Ignorable="${a.prefix}">${a.body}</${a.prefix}:${a.root}>`,
    );
    types = types.replace('</Types>', `<Override ContentType="${a.type}" PartName="/word/${a.part}"/></Types>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="rIdReview${k}" Type="${a.rel}" Target="${a.part}"/></Relationships>`);
  });
  zip.file('[Content_Types].xml', types);
  zip.file('word/_rels/document.xml.rels', rels);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/**
 * document.xml with the run that holds `phrase` cut around it: `wrap` gets a run maker with the
 * run's own formatting and returns what replaces the phrase (runs, w:ins, w:del, comment marks).
 */
export function aroundPhrase(xml: string, phrase: string, wrap: (run: (text: string) => string, phrase: string) => string): string {
  const at = xml.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the document`);
  const start = xml.lastIndexOf('<w:r>', at);
  const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
  const runXml = xml.slice(start, end);
  const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(runXml)?.[0] ?? '';
  const t = /<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/.exec(runXml)![1]!;
  const k = t.indexOf(phrase);
  const run = (s: string) => (s ? `<w:r>${rPr}<w:t xml:space="preserve">${s}</w:t></w:r>` : '');
  return xml.slice(0, start) + run(t.slice(0, k)) + wrap(run, phrase) + run(t.slice(k + phrase.length)) + xml.slice(end);
}

/** A w:comment whose one paragraph has the given w14:paraId (the id commentsExtended links by). */
export const wordComment = (id: number, author: string, text: string, paraId: string, date = '2026-03-05T09:00:00Z') =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${author[0]}"><w:p w14:paraId="${paraId}" w14:textId="77777777"><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:comment>`;

/** The sample plan (reviewedPlan) put in `lib`, in the 征求意见稿 round, with its four threads (th-1 with two replies). */
export async function consultationPlan(lib: Library): Promise<{ id: string; revision: number }> {
  const s = lib.services;
  const { doc, threads } = reviewedPlan();
  const created = await s['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc });
  const saved = await s['plans.save']({
    id: created.id,
    baseRevision: created.revision,
    doc,
    status: 'consultation',
    savePoint: roundSavePoint('consultation'),
  });
  for (const t of threads) {
    const [first, ...replies] = t.comments;
    await s['review.threads.create']({ planId: created.id, threadId: t.id, quote: '', body: first!.body, author: first!.author, unit: first!.unit ?? '' });
    for (const c of replies) await s['review.threads.reply']({ threadId: t.id, body: c.body, author: c.author, unit: c.unit ?? '' });
  }
  return { id: created.id, revision: saved.revision };
}
