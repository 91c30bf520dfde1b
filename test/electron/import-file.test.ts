// readImportFile: encodings, HTML charset, real .docx files (hand-typed numbering and Word
// list numbering), and every kind of bad input with its Chinese message.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { readImportFile, MAX_TEXT_BYTES } from '../../electron/import/read-file';
import { decodeText } from '../../electron/import/encoding';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { walkOutline } from '../../shared/plan/numbering';
import { outline, rejects } from '../helpers/import-outcome';

const FIX = resolve(__dirname, '../fixtures/import');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, name)));
const UTF8_TEXT = readFileSync(join(FIX, 'plan.utf8.txt'), 'utf8');

describe('text encodings', () => {
  const expectPlan = async (name: string, bytes: Uint8Array) => {
    const { doc } = await readImportFile(name, bytes);
    expect(PlanDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.meta.title).toBe('2020年全市安全生产工作要点');
    expect(outline(doc.body)).toEqual(['heading1.1 重点工作', 'task3.1 完善落实安全生产责任制', 'task3.2 加强安全生产考核']);
    return doc;
  };
  it('UTF-8, with and without BOM', async () => {
    await expectPlan('a.txt', fixture('plan.utf8.txt'));
    await expectPlan('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('plan.utf8.txt')]));
  });
  it('GB18030/GBK (bytes written by Python, no encoder in Node)', async () => {
    const bytes = fixture('plan.gb18030.txt');
    expect(decodeText(bytes)).toEqual({ text: UTF8_TEXT, encoding: 'gb18030' });
    await expectPlan('a.txt', bytes);
  });
  it('UTF-16 LE and BE with BOM, and LE without BOM', async () => {
    const le = Buffer.from(UTF8_TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le])).encoding).toBe('utf-16le');
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be])).encoding).toBe('utf-16be');
    await expectPlan('a.txt', new Uint8Array([0xff, 0xfe, ...le]));
    await expectPlan('a.txt', new Uint8Array([0xfe, 0xff, ...be]));
    // ASCII-heavy UTF-16LE without BOM is recognised by its zero bytes.
    expect(decodeText(new Uint8Array(Buffer.from('Plan 2020 (a), (b), (c) 一、重点工作', 'utf16le'))).encoding).toBe('utf-16le');
  });
  it('Big5 traditional text is read, converted to simplified, and warned about', async () => {
    const { doc } = await readImportFile('big5.txt', fixture('plan.big5.txt'));
    expect(doc.meta.title).toBe('2020年全市安全生产工作要点');
    expect(doc.warnings.map((w) => w.code)).toContain('traditional-converted');
  });
  it('never returns mojibake: GBK bytes are not read as UTF-8 or Big5', () => {
    const { text } = decodeText(fixture('plan.gb18030.txt'));
    expect(text).toContain('安全生产');
    expect(text).not.toContain('\ufffd');
  });
  it('HTML charset from <meta>', async () => {
    const { doc } = await readImportFile('page.htm', fixture('page.gb2312.html'));
    expect(doc.meta.title).toBe('2020年全市安全生产工作要点');
    expect(outline(doc.body)).toEqual(['heading1.1 重点工作', 'task3.1 完善落实安全生产责任制']);
  });
  it('a .txt that holds HTML is read as HTML', async () => {
    const { doc } = await readImportFile(
      'saved.txt',
      new TextEncoder().encode('<!DOCTYPE html><html><body><p>2021年工作要点</p><p>一、重点</p><p>1.任务一。内容。</p></body></html>'),
    );
    expect(outline(doc.body)).toEqual(['heading1.1 重点', 'task3.1 任务一']);
  });
});

async function docxOf(paragraphs: Paragraph[], numbering = false): Promise<Uint8Array> {
  const doc = new Document({
    numbering: numbering
      ? {
          config: [
            {
              reference: 'outline',
              levels: [
                { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
                { level: 1, format: LevelFormat.DECIMAL, text: '（%2）', alignment: AlignmentType.START },
              ],
            },
          ],
        }
      : { config: [] },
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('.docx', () => {
  it('hand-typed numbering', async () => {
    const bytes = await docxOf(
      [
        '某县安全生产委员会关于印发《2024年全县安全生产工作要点》的通知',
        '各乡镇人民政府：',
        '现将《2024年全县安全生产工作要点》印发给你们，请认真贯彻落实。',
        '某县安全生产委员会',
        '2024年3月1日',
        '2024年全县安全生产工作要点',
        '一、总体要求',
        '坚持人民至上。',
        '二、重点任务',
        '（一）压实责任',
        '1.落实党政责任。制定清单，覆盖率达到100%。（县应急局牵头，各乡镇负责落实）',
        '2.落实企业责任。开展承诺。（县应急局负责）',
      ].map((t) => new Paragraph(t)),
    );
    const { doc, stats } = await readImportFile('要点.docx', bytes);
    expect(doc.meta).toMatchObject({ title: '2024年全县安全生产工作要点', year: 2024, issuer: '某县安全生产委员会', writtenDate: '2024-03-01' });
    expect(outline(doc.body)).toEqual(['heading1.1 总体要求', 'heading1.2 重点任务', 'heading2.1 压实责任', 'task3.1 落实党政责任', 'task3.2 落实企业责任']);
    expect(stats.units).toEqual(['县应急局', '各乡镇']);
    const tasks: unknown[] = [];
    walkOutline(doc.body, (n) => n.type === 'task' && tasks.push(n));
    expect(tasks[0]).toMatchObject({ targets: [{ text: '覆盖率达到100%', value: 100, unit: '%' }] });
  });

  it('Word list numbering: the labels Word shows (（%2） in decimal is （1）, level 4)', async () => {
    const bytes = await docxOf(
      [
        new Paragraph('2024年工作要点'),
        new Paragraph({ text: '重点任务', numbering: { reference: 'outline', level: 0 } }),
        new Paragraph({ text: '压实责任。制定清单。（县应急局牵头，各乡镇负责落实）', numbering: { reference: 'outline', level: 1 } }),
        new Paragraph({ text: '强化考核。加大比重。（县应急局负责）', numbering: { reference: 'outline', level: 1 } }),
        new Paragraph({ text: '保障措施', numbering: { reference: 'outline', level: 0 } }),
        new Paragraph('加强组织领导。'),
      ],
      true,
    );
    const { doc } = await readImportFile('list.docx', bytes);
    expect(outline(doc.body)).toEqual(['heading1.1 重点任务', 'task4.1 压实责任', 'task4.2 强化考核', 'heading1.2 保障措施']);
    expect(doc.body[0]).toMatchObject({ children: [{ lead: ['县应急局'], support: ['各乡镇'] }, {}] });
  });

  it('a .docx with no text', async () => {
    const e = await rejects('空白.docx', await docxOf([new Paragraph('')]));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('没有文字内容');
  });
});

describe('bad input', () => {
  it('empty file', async () => {
    const e = await rejects('a.txt', new Uint8Array());
    expect(e.message).toBe('“a.txt”是空文件，没有可导入的内容');
  });
  it('binary junk renamed .txt', async () => {
    const junk = new Uint8Array(4096);
    let x = 7;
    for (let i = 0; i < junk.length; i++) junk[i] = x = (x * 1103515245 + 12345) & 0xff;
    const e = await rejects('junk.txt', junk);
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/不是文本文件|无法识别文件的文字编码/);
  });
  it('over-size text file', async () => {
    const e = await rejects('big.txt', new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x41));
    expect(e.message).toMatch(/文件过大.*最大 10 MB/);
  });
  it('a .docx that is not a zip', async () => {
    const e = await rejects('fake.docx', new TextEncoder().encode('这不是Word文档'));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('不是有效的 Word 文档');
  });
  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const e = await rejects('x.docx', new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })));
    expect(e.message).toContain('没有 word/document.xml');
  });
  it('a zip bomb disguised as .docx (declared sizes)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', ' '.repeat(40 * 1024 * 1024));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const e = await rejects('bomb.docx', bytes);
    expect(e.message).toContain('压缩炸弹');
  });
  it('a zip bomb that lies about its sizes is stopped while inflating with a cap', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>' + ' '.repeat(2 * 1024 * 1024));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    // Rewrite the declared uncompressed size (local header +22, central directory +24) to 1000.
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 1000, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 1000, true);
    }
    const e = await rejects('liar.docx', bytes);
    expect(e.message).toContain('压缩炸弹');
  });
  it.each([
    ['old.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]],
    ['wps.wps', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]],
    ['a.wps', [0x41, 0x42]],
    ['a.xlsx', [0x50, 0x4b, 0x03, 0x04, 0, 0]],
    ['a.jpg', [0xff, 0xd8, 0xff]],
  ])('%s is not read, with the formats that are (or advice to save as .docx)', async (name, bytes) => {
    const e = await rejects(name, new Uint8Array(bytes));
    expect(e.code).toBe('unsupported-file');
    expect(e.message).toMatch(/另存为|\.docx/);
  });
  it.each(['scan.pdf', 'renamed.txt'])('%s: a PDF header with nothing after it is read as a PDF and reported incomplete', async (name) => {
    const e = await rejects(name, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('不完整');
  });
});
