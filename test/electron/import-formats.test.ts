// The formats offices hold: .doc/.wps (Word binary), PDF, OFD, .odt, RTF. Real files written
// by WPS Office and an OFD converter (../shared/fixtures/formats), and the three sample plans
// converted by LibreOffice in the setup step (.doc, .pdf, .odt, .rtf, plus a GB/T 9704 PDF exported
// by PlanDesk itself, with indents and "— 1 —" page numbers): each must give the same outline
// as the .txt. Bad input of every kind gives a clear Chinese AppError, and nothing hangs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectKind, readImportFile } from '../../electron/import/read-file';
import { readOfdParagraphs } from '../../electron/import/read-ofd';
import { readDocParagraphs } from '../../electron/import/read-doc';
import { readPdfParagraphs } from '../../electron/import/read-pdf';
import { rtfToText } from '../../electron/import/read-rtf';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { matchReviewItems } from '../../shared/review/match';
import { exportPlanDocx } from '../../electron/export';
import { SAMPLES_DIR, sampleNames } from '../shared/import-samples.helpers';
import { cli, useCliHome } from '../helpers/cli';
import { outline, rejects } from '../helpers/import-outcome';

const run = promisify(execFile);
const FORMATS_DIR = resolve(__dirname, '../../../shared/fixtures/formats');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FORMATS_DIR, name)));

/** One soffice run per call, each with its own profile so parallel runs never share one. */
async function soffice(args: string[], outDir: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'plandesk-lo-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args, '--outdir', outDir], { timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'plandesk-formats-'));
const samples = sampleNames();
const TXT_FILTER = ['--infilter=Text (encoded):UTF8'];
const ENCRYPT = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';

beforeAll(async () => {
  const inputs = samples.map((s) => join(SAMPLES_DIR, `${s}.txt`));
  // The GB/T 9704 export of the 滕州 plan as read from its .txt: first-line indents, wrapped
  // lines at the margin, page numbers — what a PDF from an office looks like.
  const { doc } = await readImportFile('tengzhou.txt', new Uint8Array(readFileSync(join(SAMPLES_DIR, 'tengzhou-2020-yaodian.txt'))));
  writeFileSync(join(dir, 'gbt9704.docx'), await exportPlanDocx(doc, { form: 'plan' }));
  // Word list numbering (一、 and （1）) that LibreOffice turns into ODF list styles.
  const numbered = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('2024年全县安全生产工作要点'),
          new Paragraph({ text: '重点任务', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: '压实责任。制定清单。（县应急局牵头，各乡镇负责落实）', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: '强化考核。加大比重。（县应急局负责）', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: '保障措施', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph('加强组织领导。'),
        ],
      },
    ],
  });
  writeFileSync(join(dir, 'numbered.docx'), await Packer.toBuffer(numbered));
  // A returned review file with two comments, saved by LibreOffice as Word 97–2003.
  const commentOn = (id: number, text: string) =>
    new Paragraph({ children: [new CommentRangeStart(id), new TextRun(text), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })] });
  const commented = new Document({
    comments: {
      children: [
        { id: 0, author: '张三', date: new Date('2024-03-01T09:00:00Z'), children: [new Paragraph('建议把完成时限提前到三季度。')] },
        { id: 1, author: '李四', date: new Date('2024-03-01T10:00:00Z'), children: [new Paragraph('牵头单位应为县应急管理局。')] },
      ],
    },
    sections: [{ children: [new Paragraph('2024年全县安全生产工作要点'), commentOn(0, '一、压实责任。制定清单。'), commentOn(1, '二、强化考核。加大比重。')] }],
  });
  writeFileSync(join(dir, 'commented.docx'), await Packer.toBuffer(commented));
  const encDir = join(dir, 'enc');
  await Promise.all([
    soffice([...TXT_FILTER, '--convert-to', 'doc', ...inputs], dir),
    soffice([...TXT_FILTER, '--convert-to', 'pdf', ...inputs], dir),
    soffice([...TXT_FILTER, '--convert-to', 'odt', ...inputs], dir),
    soffice([...TXT_FILTER, '--convert-to', 'rtf', ...inputs], dir),
    soffice(['--convert-to', 'pdf', join(dir, 'gbt9704.docx')], dir),
    soffice(['--convert-to', 'odt', join(dir, 'numbered.docx')], dir),
    soffice(['--convert-to', 'doc', join(dir, 'numbered.docx')], dir),
    soffice(['--convert-to', 'doc', join(dir, 'commented.docx')], dir),
    soffice([...TXT_FILTER, '--convert-to', ENCRYPT, inputs[0]!], encDir),
  ]);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const out = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('sample plans converted by LibreOffice read like the .txt', () => {
  for (const sample of samples) {
    for (const format of ['doc', 'pdf', 'odt', 'rtf'] as const) {
      it(`${sample}.${format}`, async () => {
        const txt = await readImportFile(`${sample}.txt`, new Uint8Array(readFileSync(join(SAMPLES_DIR, `${sample}.txt`))));
        const expected = outline(txt.doc.body);
        expect(expected.length).toBeGreaterThan(5);
        const { doc } = await readImportFile(`${sample}.${format}`, out(`${sample}.${format}`));
        expect(outline(doc.body)).toEqual(expected);
        expect(doc.meta.title).toBe(txt.doc.meta.title);
      });
    }
  }
  it('the same bytes named .wps (WPS Office writes Word binary) read as .doc', async () => {
    const bytes = out(`${samples[0]}.doc`);
    expect(detectKind('a.wps', bytes)).toBe('doc');
    const a = await readImportFile('a.wps', bytes);
    const b = await readImportFile('a.doc', bytes);
    expect(outline(a.doc.body)).toEqual(outline(b.doc.body));
  });
  it('a GB/T 9704 PDF (indented paragraphs, wrapped lines, page numbers) reads like the text it came from', async () => {
    const txt = await readImportFile('t.txt', new Uint8Array(readFileSync(join(SAMPLES_DIR, 'tengzhou-2020-yaodian.txt'))));
    const { doc } = await readImportFile('gbt9704.pdf', out('gbt9704.pdf'));
    expect(outline(doc.body)).toEqual(outline(txt.doc.body));
    // No page number leaked into the text.
    expect(JSON.stringify(doc.body)).not.toMatch(/—\s*\d+\s*—/);
    expect(doc.warnings.filter((w) => w.code.startsWith('pdf-'))).toEqual([]);
  });
});

describe('the CLI takes any importable file', () => {
  useCliHome();
  it('diff: the .txt and the .pdf of one plan differ in nothing', async () => {
    const r = await cli('diff', join(SAMPLES_DIR, `${samples[0]}.txt`), join(dir, `${samples[0]}.pdf`), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { added: unknown[]; removed: unknown[]; unchanged: number };
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.unchanged).toBeGreaterThan(5);
  });
  it('compare: a .doc upper file against the same plan as .odt is fully covered', async () => {
    const r = await cli('compare', '--upper', join(dir, 'tengzhou-2020-yaodian.doc'), '--draft', join(dir, 'tengzhou-2020-yaodian.odt'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).coverage).toBe(1);
  });
  it('import --json of a .doc prints the exchange format', async () => {
    const r = await cli('import', join(dir, `${samples[0]}.doc`), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).body.length).toBeGreaterThan(0);
  });
});

describe('real files from other office software', () => {
  it('WPS Office .wps: table rows as lines, cells in order', async () => {
    const { paragraphs } = await readDocParagraphs('t.wps', fixture('wps-office-2019-table.wps'));
    const row = paragraphs.find((p) => p.startsWith('IDCard'));
    expect(row?.split('\t')).toEqual(['IDCard', '中', '包含5个或以上不同的国内身份证号码信息']);
  });
  it('OFD: text in reading order, one line joined across TextObjects', () => {
    const { paragraphs } = readOfdParagraphs('t.ofd', fixture('converted-from-docx.ofd'));
    expect(paragraphs[0]).toBe('电子文档测评新需求');
    expect(paragraphs[1]).toBe('1.业务管理员(最新测评需要该角色)');
  });
  it('OFD through readImportFile: numbered points recognised', async () => {
    const { doc } = await readImportFile('需求.ofd', fixture('converted-from-docx.ofd'));
    // The analysis sets the brackets between Chinese in full width (issue 12).
    expect(outline(doc.body)[0]).toBe('task3.1 业务管理员（最新测评需要该角色）');
  });
});

async function zipOf(files: Record<string, string>, mimetypeFirst?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  if (mimetypeFirst) zip.file('mimetype', mimetypeFirst, { compression: 'STORE' });
  for (const [k, v] of Object.entries(files)) zip.file(k, v);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

describe('deciding the kind from the bytes', () => {
  it('a .wps or .doc that is really a .docx zip is read as .docx', async () => {
    const zip = await zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' });
    expect(detectKind('a.wps', zip)).toBe('docx');
    expect(detectKind('a.doc', zip)).toBe('docx');
  });
  it('a .doc that is a Word web page (HTML) is read as HTML', async () => {
    const html = new TextEncoder().encode(
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p>2021年工作要点</p><p>一、重点</p><p>1.任务一。内容。</p></body></html>',
    );
    expect(detectKind('a.doc', html)).toBe('html');
    const { doc } = await readImportFile('a.doc', html);
    expect(outline(doc.body)).toEqual(['heading1.1 重点', 'task3.1 任务一']);
  });
  it('an ODF text zip by its mimetype, whatever its name', async () => {
    const odt = await zipOf(
      {
        'content.xml':
          '<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>一、重点</text:p></office:text></office:body></office:document-content>',
      },
      'application/vnd.oasis.opendocument.text',
    );
    expect(detectKind('a.zip', odt)).toBe('odt');
    expect(detectKind('a.odt', odt)).toBe('odt');
  });
  it('an OpenDocument spreadsheet is refused', async () => {
    const ods = await zipOf({ 'content.xml': '<x/>' }, 'application/vnd.oasis.opendocument.spreadsheet');
    expect(() => detectKind('a.odt', ods)).toThrow(/不是文字文档/);
  });
  it('a PDF header after a little junk counts in a .pdf, not in a text that mentions it', async () => {
    const pdf = out(`${samples[0]}.pdf`);
    const junk = new Uint8Array([...new TextEncoder().encode('\r\n\r\n'), ...pdf]);
    expect(detectKind('a.pdf', junk)).toBe('pdf');
    expect(detectKind('a.txt', new TextEncoder().encode('说明：文件头是 %PDF-1.7 的是 PDF 文件。'))).toBe('text');
  });
  it('an OFD by its OFD.xml entry', async () => {
    expect(detectKind('a.zip', fixture('converted-from-docx.ofd'))).toBe('ofd');
  });
});

describe('.odt lists and RTF', () => {
  it('.odt list numbering is written out where the style gives it', async () => {
    const content = `<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s"><office:automatic-styles>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/><text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="."/></text:list-style>
</office:automatic-styles><office:body><office:text><text:p>2024年工作要点</text:p>
<text:list text:style-name="L1"><text:list-item><text:p>重点任务</text:p><text:list><text:list-item><text:p>压实责任。制定清单。（县应急局牵头）</text:p></text:list-item><text:list-item><text:p>强化考核。加大比重<text:s text:c="2"/>。（县应急局负责）</text:p></text:list-item></text:list></text:list-item>
<text:list-item><text:p>保障措施</text:p></text:list-item></text:list></office:text></office:body></office:document-content>`;
    const { doc } = await readImportFile(
      'list.odt',
      await zipOf({ 'content.xml': content, 'META-INF/manifest.xml': '<m/>' }, 'application/vnd.oasis.opendocument.text'),
    );
    expect(outline(doc.body)).toEqual(['heading1.1 重点任务', 'task3.1 压实责任', 'task3.2 强化考核', 'heading1.2 保障措施']);
    expect(doc.warnings.map((w) => w.code)).toContain('odt-list-numbered');
  });
  it('an .odt from a Word file with list numbering (converted by LibreOffice) keeps the numbers', async () => {
    const { doc } = await readImportFile('numbered.odt', out('numbered.odt'));
    expect(outline(doc.body)).toEqual(['heading1.1 重点任务', 'task3.1 压实责任', 'task3.2 强化考核', 'heading1.2 保障措施']);
    expect(doc.warnings.find((w) => w.code === 'odt-list-numbered')?.message).toContain('4 段使用了自动编号');
  });
  it('a .doc whose outline is Word list numbering: the numbers are not in the text, and the user is told', async () => {
    const { doc } = await readImportFile('numbered.doc', out('numbered.doc'));
    expect(outline(doc.body)).toEqual([]);
    expect(doc.warnings.map((w) => w.code)).toContain('doc-numbering-unread');
  });
  it('RTF: GBK bytes, \\uN escapes, tables and skipped destinations', async () => {
    // "重点" in GBK is D6 D8 B5 E3.
    const rtf = String.raw`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 SimSun;}}{\*\generator Test;}{\header 页眉文字\par}2024\'c4\'ea\'b9\'a4\'d7\'f7\'d2\'aa\'b5\'e3\par \'d2\'bb\'a1\'a2\'d6\'d8\'b5\'e3\par 1.\u20219?\u21153?\u19968?\'a1\'a3\u20869?\u23481?\'a1\'a3\par}`;
    expect(rtfToText(rtf)).toBe('2024年工作要点\n一、重点\n1.任务一。内容。\n');
    const { doc } = await readImportFile('a.rtf', new Uint8Array(Buffer.from(rtf, 'latin1')));
    expect(outline(doc.body)).toEqual(['heading1.1 重点', 'task3.1 任务一']);
  });
});

/** A minimal PDF from object bodies (xref offsets computed), for hand-made bad input. */
function pdfOf(objects: Array<string | Buffer>, trailerExtra = ''): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'));
    push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    push(Buffer.from('\nendobj\n', 'latin1'));
  });
  const xref = length;
  push(
    Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`, 'latin1'),
  );
  push(Buffer.from(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

describe('bad input: clear Chinese messages, no hang', () => {
  it('a PDF with no text layer (a scan) says it is an image', async () => {
    const bytes = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      '<< /Length 20 >>\nstream\n0 0 1 rg 0 0 10 10 re f\nendstream',
    ]);
    const e = await rejects('scan.pdf', bytes);
    expect(e.message).toMatch(/没有文字层.*扫描件/);
  });
  it('a truncated PDF', async () => {
    const whole = out(`${samples[0]}.pdf`);
    const e = await rejects('half.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('不完整');
  });
  it('an encrypted PDF (open password, written by LibreOffice)', async () => {
    const file = join(dir, 'enc', `${samples[0]}.pdf`);
    expect(existsSync(file)).toBe(true);
    const e = await rejects('secret.pdf', new Uint8Array(readFileSync(file)));
    expect(e.message).toContain('加密');
  });
  it('a PDF of deeply nested objects', async () => {
    const depth = 200_000;
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const bytes = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Junk ${nested} >>`,
    ]);
    const t0 = Date.now();
    const e = await rejects('nested.pdf', bytes);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  }, 30_000);
  it('the PDF reader runs pdf.js in a worker; in-process gives the same text', async () => {
    const bytes = out(`${samples[0]}.pdf`);
    const a = await readPdfParagraphs('a.pdf', bytes);
    expect(a.via).toBe('worker');
    const b = await readPdfParagraphs('a.pdf', bytes, { mode: 'in-process' });
    expect(b.via).toBe('in-process');
    expect(b.paragraphs).toEqual(a.paragraphs);
    expect(a.paragraphs.length).toBeGreaterThan(20);
  });
  it('the PDF reader stops at its time limit (worker terminated, or in-process) and reads at most maxPages pages, saying so', async () => {
    const bytes = out(`${samples[0]}.pdf`);
    for (const mode of ['worker', 'in-process'] as const) {
      await expect(readPdfParagraphs('slow.pdf', bytes, { timeLimitMs: 1, mode })).rejects.toMatchObject({
        code: 'bad-file',
        message: expect.stringContaining('超时'),
      });
    }
    const { warnings } = await readPdfParagraphs('long.pdf', bytes, { maxPages: 1 });
    expect(warnings).toContainEqual({ code: 'pdf-pages-cut', message: expect.stringMatching(/^PDF 共 \d+ 页，只读取了前 1 页$/), path: 'body' });
  });
  it('a compressed content stream that inflates to 64 MB (a small decompression bomb) ends with a clear message', async () => {
    const content = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    const bytes = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]),
    ]);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const e = await rejects('bomb.pdf', bytes);
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/没有文字层|超时|结构异常/);
  }, 30_000);
  it('a PDF header and nothing readable after it', async () => {
    const e = await rejects('junk.pdf', new TextEncoder().encode('%PDF-1.7\n垃圾数据\n%%EOF\n'));
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/已损坏|没有文字层/);
  });
  it('an OLE file that is not a Word document (stream renamed from WordDocument to Workbook)', async () => {
    const bytes = new Uint8Array(out(`${samples[0]}.doc`));
    const from = Buffer.from('WordDocument', 'utf16le');
    const to = Buffer.from('Workbook\0\0\0\0', 'utf16le');
    const at = Buffer.from(bytes).indexOf(from);
    expect(at).toBeGreaterThan(0);
    bytes.set(to, at);
    const e = await rejects('table.doc', bytes);
    expect(e.code).toBe('unsupported-file');
    expect(e.message).toContain('Excel');
    expect(e.message).toContain('不是 Word/WPS 文字文档');
  });
  it('an OFD whose page file is missing', async () => {
    const zip = await JSZip.loadAsync(fixture('converted-from-docx.ofd'));
    zip.remove('Doc_0/Page_1/Content.xml');
    const e = await rejects('缺页.ofd', new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('第1页的页面文件');
    expect(e.message).toContain('缺失');
  });
  it('an OFD with no DocRoot, and a .ofd that is not a zip', async () => {
    const e1 = await rejects('a.ofd', await zipOf({ 'OFD.xml': '<ofd:OFD xmlns:ofd="x"><ofd:DocBody/></ofd:OFD>' }));
    expect(e1.message).toContain('DocRoot');
    const e2 = await rejects('b.ofd', new TextEncoder().encode('not an ofd'));
    expect(e2.message).toContain('不是有效的 OFD 文件');
  });
  it('an OFD that is a zip bomb is refused before anything is inflated', async () => {
    const zip = new JSZip();
    zip.file('OFD.xml', '<ofd:OFD xmlns:ofd="x"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>');
    zip.file('Doc_0/Pages/Page_0/Content.xml', ' '.repeat(40 * 1024 * 1024));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    const e = await rejects('bomb.ofd', bytes);
    expect(e.message).toContain('压缩炸弹');
  });
  it('a deeply nested .odt (40,000 nested spans) is refused quickly', async () => {
    const depth = 40_000;
    const content = `<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>${'<text:span>'.repeat(depth)}x${'</text:span>'.repeat(depth)}</text:p></office:text></office:body></office:document-content>`;
    const t0 = Date.now();
    const e = await rejects('deep.odt', await zipOf({ 'content.xml': content }, 'application/vnd.oasis.opendocument.text'));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/不是有效的 OpenDocument|结构异常|结构过深/);
  });
  it('XML entity declarations in an OFD are refused (no entity expansion bombs)', async () => {
    const e = await rejects(
      'lol.ofd',
      await zipOf({
        'OFD.xml':
          '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><ofd:OFD xmlns:ofd="x"><ofd:DocBody><ofd:DocRoot>&b;</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
      }),
    );
    expect(e.message).toContain('不是有效的 OFD 文件');
  });
  it('a returned review file in Word binary (.doc/.wps) gives its comments as opinions tied to no task, and says what it cannot give', async () => {
    const back = await readReturnedDocx('意见.wps', out('commented.doc'));
    expect(back.items.map((i) => [i.kind, i.text, i.unplaced])).toEqual([
      ['comment', '建议把完成时限提前到三季度。', true],
      ['comment', '牵头单位应为县应急管理局。', true],
    ]);
    expect(back.notes).toHaveLength(1);
    expect(back.notes[0]).toContain('2 条批注将作为“未对应任务”的意见导入');
    expect(back.notes[0]).toContain('修订');
    expect(back.notes[0]).toContain('另存为');
    // Never guessed onto a task, even where the commented words are in the plan.
    const { doc } = await readImportFile('要点.docx', out('commented.docx'));
    expect(matchReviewItems(doc, back.items).every((m) => m.target === null)).toBe(true);
    // A .doc without comments says so.
    const none = await readReturnedDocx('意见.doc', out(`${samples[0]}.doc`));
    expect(none.items).toEqual([]);
    expect(none.notes[0]).toContain('没有读到批注');
  });
  it('a corrupt .doc (OLE header, garbage after)', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from('WordDocument', 'utf16le'), 1024);
    const e = await rejects('bad.doc', bytes);
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('已损坏');
  });
  it('a .doc holding neither Word nor HTML', async () => {
    const e = await rejects('a.doc', new TextEncoder().encode('plain words'));
    expect(e.code).toBe('unsupported-file');
    expect(e.message).toContain('不是有效的 Word/WPS 文档');
  });
});
