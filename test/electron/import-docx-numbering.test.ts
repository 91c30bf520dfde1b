// .docx files numbered by Word itself (numbering.xml), made with the docx library: the
// imported outline must carry the numbers Word shows — across body paragraphs, with start
// values, overrides, restarts, numbered heading styles — and survive a LibreOffice round trip.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, type ILevelsOptions } from 'docx';
import { readImportFile } from '../../electron/import/read-file';
import { withWordListLabels } from '../../electron/import/docx-labels';
import { readCentralDirectory } from '../../electron/import/zip-guard';
import type { BodyNode } from '../../shared/plan/schema';
import { walkOutline } from '../../shared/plan/numbering';
import { PLAN_LEVELS, withLvlRestart } from '../helpers/word-list-docx';
import { withoutIds } from '../helpers/ids';

const run = promisify(execFile);

function outline(body: readonly BodyNode[]): string[] {
  const out: string[] = [];
  walkOutline(body, (n) => out.push(`${n.type}${n.level}.${n.ordinal} ${n.title}`));
  return out;
}

async function pack(children: Array<Paragraph | Table>, opts: { levels?: readonly ILevelsOptions[]; headingStyles?: boolean } = {}): Promise<Uint8Array> {
  const doc = new Document({
    numbering: { config: [{ reference: 'plan', levels: opts.levels ?? [...PLAN_LEVELS] }] },
    styles: opts.headingStyles
      ? {
          paragraphStyles: [
            { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', paragraph: { numbering: { reference: 'plan', level: 0 } } },
            { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', paragraph: { numbering: { reference: 'plan', level: 1 } } },
          ],
        }
      : undefined,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const li = (level: number, text: string, extra: { instance?: number } = {}) => new Paragraph({ text, numbering: { reference: 'plan', level, ...extra } });
const body = (text: string) => new Paragraph(text);

/** 一、（一）1.（1） with body text between the items, a sub-task level, and a second section. */
function multilevel(): Array<Paragraph | Table> {
  return [
    body('2024年全县安全生产工作要点'),
    li(0, '总体要求'),
    body('坚持人民至上、生命至上。'),
    li(0, '重点任务'),
    li(1, '压实安全生产责任'),
    body('各地各部门要切实履职尽责。'),
    li(2, '落实党政领导责任。制定责任清单，覆盖率达到100%。（县应急局牵头，各乡镇负责落实）'),
    body('对照清单逐项落实。'),
    li(2, '落实企业主体责任。开展承诺活动。（县应急局负责）'),
    li(3, '重点行业企业。全面开展自查。'),
    body('自查结果报县安委办。'),
    li(3, '一般企业。抽查不少于30家。'),
    li(1, '强化考核巡查'),
    li(2, '开展安全生产考核。加大考核比重。（县安委办负责）'),
    li(0, '保障措施'),
    body('加强组织领导。'),
  ];
}

const MULTILEVEL_OUTLINE = [
  'heading1.1 总体要求',
  'heading1.2 重点任务',
  'heading2.1 压实安全生产责任',
  'task3.1 落实党政领导责任',
  'task3.2 落实企业主体责任',
  'task4.1 重点行业企业',
  'task4.2 一般企业',
  'heading2.2 强化考核巡查',
  'task3.1 开展安全生产考核',
  'heading1.3 保障措施',
];

/** Saves a file as .docx with LibreOffice (private profile, so parallel runs don't clash). */
async function libreOfficeDocx(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-numbering-'));
  const profile = mkdtempSync(join(tmpdir(), 'plandesk-lo-'));
  try {
    mkdirSync(join(dir, 'src'));
    const src = join(dir, 'src', name);
    writeFileSync(src, bytes);
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', join(dir, 'out'), src], {
      timeout: 180_000,
    });
    return new Uint8Array(readFileSync(join(dir, 'out', name.replace(/\.[a-z]+$/, '.docx'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Flat ODT: Heading 1/2 numbered by the outline (chapter) numbering 一、（一）, tasks in a 1. list. */
const OUTLINE_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"/>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"/>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
   <text:outline-level-style text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
  </text:outline-style>
  <text:list-style style:name="Tasks"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
 </office:styles>
 <office:body><office:text>
  <text:p text:style-name="Standard">2024年全县安全生产工作要点</text:p>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">总体要求</text:h>
  <text:p text:style-name="Standard">坚持人民至上。</text:p>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">重点任务</text:h>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">压实责任</text:h>
  <text:list text:style-name="Tasks">
   <text:list-item><text:p text:style-name="Standard">落实党政责任。制定清单。（县应急局负责）</text:p></text:list-item>
   <text:list-item><text:p text:style-name="Standard">落实企业责任。开展承诺。（县应急局负责）</text:p></text:list-item>
  </text:list>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">强化考核</text:h>
  <text:list text:style-name="Tasks"><text:list-item><text:p text:style-name="Standard">开展考核。加大比重。（县安委办负责）</text:p></text:list-item></text:list>
  <text:h text:style-name="Heading_20_1" text:outline-level="1">保障措施</text:h>
 </office:text></office:body>
</office:document>`;

describe('Word list numbering in .docx', () => {
  it('multilevel list 一、（一）1.（1）: counters run on across body paragraphs, deeper levels restart', async () => {
    const { doc } = await readImportFile('要点.docx', await pack(multilevel()));
    expect(outline(doc.body)).toEqual(MULTILEVEL_OUTLINE);
    expect(doc.meta.title).toBe('2024年全县安全生产工作要点');
    const tasks: Record<string, unknown> = {};
    walkOutline(doc.body, (n) => n.type === 'task' && (tasks[n.title] = n));
    expect(tasks['落实企业主体责任']).toMatchObject({ support: ['县应急局'], text: '开展承诺活动。' });
    expect(tasks['开展安全生产考核']).toMatchObject({ support: ['县安委办'] });
    expect(doc.numbering.perLevel).toEqual(['restart', 'restart', 'restart', 'restart']);
    // Body paragraphs between items keep their text and get no label of their own.
    expect(JSON.stringify(withoutIds(doc).body)).toContain('{"type":"paragraph","text":"各地各部门要切实履职尽责。"}');
    expect(tasks['落实党政领导责任']).toMatchObject({ text: '制定责任清单，覆盖率达到100%。（县应急局牵头，各乡镇负责落实）\n对照清单逐项落实。' });
  });

  it('numbered Heading 1 / Heading 2 styles get their labels; tasks are list paragraphs of the same list', async () => {
    const bytes = await pack(
      [
        body('2024年全县安全生产工作要点'),
        new Paragraph({ text: '总体要求', heading: HeadingLevel.HEADING_1 }),
        body('坚持安全发展。'),
        new Paragraph({ text: '重点任务', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: '压实安全生产责任', heading: HeadingLevel.HEADING_2 }),
        li(2, '落实党政领导责任。制定清单。（县应急局负责）'),
        li(2, '落实企业主体责任。开展承诺。（县应急局负责）'),
        new Paragraph({ text: '强化风险防控', heading: HeadingLevel.HEADING_2 }),
        li(2, '开展隐患排查。全面排查。（县应急局负责）'),
      ],
      { headingStyles: true },
    );
    const xml = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(xml).toMatch(/w:styleId="Heading1"[\s\S]*?<w:numId w:val="\d+"\/>/); // the numbering really is in the style
    const { doc } = await readImportFile('标题样式.docx', bytes);
    expect(outline(doc.body)).toEqual([
      'heading1.1 总体要求',
      'heading1.2 重点任务',
      'heading2.1 压实安全生产责任',
      'task3.1 落实党政领导责任',
      'task3.2 落实企业主体责任',
      'heading2.2 强化风险防控',
      'task3.1 开展隐患排查',
    ]);
  });

  it('start values: a list that begins at 三、 and tasks at 5.', async () => {
    const levels = [{ ...PLAN_LEVELS[0], start: 3 }, PLAN_LEVELS[1], { ...PLAN_LEVELS[2], start: 5 }];
    const bytes = await pack(
      [body('2024年工作要点'), li(0, '重点任务'), li(2, '落实责任。内容。（县应急局负责）'), li(2, '强化考核。内容。（县应急局负责）'), li(0, '保障措施')],
      { levels },
    );
    const { doc } = await readImportFile('start.docx', bytes);
    expect(outline(doc.body)).toEqual(['heading1.3 重点任务', 'task3.5 落实责任', 'task3.6 强化考核', 'heading1.4 保障措施']);
  });

  it('lvlOverride/startOverride: a new list instance starts again', async () => {
    const bytes = await pack([
      body('2024年工作要点'),
      li(0, '重点任务'),
      li(2, '第一项任务。内容。（县应急局负责）', { instance: 1 }),
      li(2, '第二项任务。内容。（县应急局负责）', { instance: 1 }),
      li(2, '另起一项。内容。（县应急局负责）', { instance: 2 }),
      li(2, '另起二项。内容。（县应急局负责）', { instance: 2 }),
    ]);
    const numbering = await (await JSZip.loadAsync(bytes)).file('word/numbering.xml')!.async('string');
    expect(numbering).toContain('<w:startOverride w:val="1"/>');
    const { doc } = await readImportFile('override.docx', bytes);
    expect(outline(doc.body)).toEqual(['heading1.1 重点任务', 'task3.1 第一项任务', 'task3.2 第二项任务', 'task3.1 另起一项', 'task3.2 另起二项']);
  });

  it('lvlRestart 0: tasks numbered straight through the （一） sections, read as continuous numbering', async () => {
    const restart = await pack(multilevel());
    const bytes = await withLvlRestart(restart, [2], 0);
    expect(await (await JSZip.loadAsync(bytes)).file('word/numbering.xml')!.async('string')).toContain('<w:lvlRestart w:val="0"/>');
    const { doc } = await readImportFile('continuous.docx', bytes);
    expect(outline(doc.body)).toEqual(MULTILEVEL_OUTLINE.map((l) => (l === 'task3.1 开展安全生产考核' ? 'task3.3 开展安全生产考核' : l)));
    expect(doc.numbering.perLevel[2]).toBe('continuous');
  });

  it('numbered paragraphs inside a table are counted in document order, and the table text stays', async () => {
    const cell = (...c: Paragraph[]) => new TableCell({ children: c });
    const bytes = await pack([
      body('2024年工作要点'),
      li(0, '重点任务'),
      new Table({
        rows: [
          new TableRow({ children: [cell(body('序号')), cell(body('说明'))] }),
          new TableRow({ children: [cell(li(2, '表内任务。内容。')), cell(body('备注'))] }),
        ],
      }),
      li(2, '表后任务。内容。（县应急局负责）'),
    ]);
    const { doc } = await readImportFile('table.docx', bytes);
    const text = JSON.stringify(doc.body);
    expect(text).toContain('序号');
    expect(text).toContain('备注');
    expect(outline(doc.body).at(-1)).toBe('task3.2 表后任务');
  });

  it('a document without numbered paragraphs goes to mammoth as it is (no rewrite); typed labels still read', async () => {
    const bytes = await pack([body('2024年工作要点'), body('一、重点任务'), body('1.落实责任。内容。（县应急局负责）')]);
    const prepared = await withWordListLabels(bytes, readCentralDirectory(bytes));
    expect(prepared).toEqual({ bytes, labelled: 0 });
    expect(prepared.bytes).toBe(bytes);
    const numbered = await pack(multilevel());
    expect((await withWordListLabels(numbered, readCentralDirectory(numbered))).labelled).toBe(10);
    const { doc } = await readImportFile('typed.docx', bytes);
    expect(outline(doc.body)).toEqual(['heading1.1 重点任务', 'task3.1 落实责任']);
  });

  it('markup as Word writes it: Chinese style ids "1"/"2", lvl pStyle, rsids, bookmarks, a heading whose numbering was removed', async () => {
    const W =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';
    const lvl = (i: number, fmt: string, text: string, pStyle?: string) =>
      `<w:lvl w:ilvl="${i}" w:tplc="0409000F"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${pStyle ? `<w:pStyle w:val="${pStyle}"/>` : ''}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hint="eastAsia"/></w:rPr></w:lvl>`;
    const numbering =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:numbering ${W}><w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="5E6F7A8B"/>` +
      lvl(0, 'chineseCountingThousand', '%1、', '1') +
      lvl(1, 'chineseCountingThousand', '（%2）', '2') +
      lvl(2, 'decimal', '%3．') +
      `<w:lvl w:ilvl="3"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="（%4）"/></w:lvl>` +
      '</w:abstractNum><w:num w:numId="1" w16cid:durableId="1" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const styles =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles ${W}><w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>` +
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="character" w:styleId="10"><w:name w:val="标题 1 字符"/></w:style></w:styles>';
    const para = (inner: string, pPr = '') =>
      `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6" w:rsidP="00A1B2C3">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
    const r = (t: string) => `<w:r w:rsidRPr="00112233"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>${t}</w:t></w:r>`;
    const document =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W}><w:body>` +
      para(r('2024年全县安全生产工作要点'), '<w:jc w:val="center"/>') +
      para('<w:bookmarkStart w:id="0" w:name="_Toc1"/>' + r('总体要求') + '<w:bookmarkEnd w:id="0"/>', '<w:pStyle w:val="1"/>') +
      para(r('坚持人民至上。')) +
      para(
        r('重点') + '<w:proofErr w:type="gramStart"/>' + r('任务') + '<w:proofErr w:type="gramEnd"/>',
        '<w:pStyle w:val="1"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>',
      ) +
      para(r('压实责任'), '<w:pStyle w:val="2"/>') +
      para(r('落实党政责任。制定清单。（县应急局负责）'), '<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/>') +
      para(r('细化清单。逐项落实。'), '<w:numPr><w:ilvl w:val="3"/><w:numId w:val="1"/></w:numPr>') +
      para(r('附件：责任清单'), '<w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>') +
      para(r('保障措施'), '<w:pStyle w:val="1"/>') +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>';
    const zip = await JSZip.loadAsync(await pack([body('x')]));
    zip.file('word/numbering.xml', numbering);
    zip.file('word/styles.xml', styles);
    zip.file('word/document.xml', document);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { doc } = await readImportFile('word.docx', bytes);
    expect(outline(doc.body)).toEqual([
      'heading1.1 总体要求',
      'heading1.2 重点任务',
      'heading2.1 压实责任',
      'task3.1 落实党政责任',
      'task4.1 细化清单',
      'heading1.3 保障措施',
    ]);
    expect(JSON.stringify(doc.body)).toContain('附件：责任清单');
    // Word 2010's custom "01, 02, 03" format (mc:Choice) is what Word shows: （01）.
    const prepared = await withWordListLabels(bytes, readCentralDirectory(bytes));
    const xml = await (await JSZip.loadAsync(prepared.bytes)).file('word/document.xml')!.async('string');
    expect([...xml.matchAll(/xml:space="preserve">([^<]+)</g)].map((m) => m[1])).toEqual(['一、', '二、', '（一）', '1．', '（01）', '三、']);
  });

  it('finds the numbering part through the relationships, as mammoth does', async () => {
    const zip = await JSZip.loadAsync(await pack(multilevel()));
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    zip.remove('word/numbering.xml');
    zip.file('word/list-definitions.xml', numbering);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('Target="numbering.xml"');
    zip.file('word/_rels/document.xml.rels', rels.replace('Target="numbering.xml"', 'Target="list-definitions.xml"'));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('/word/numbering.xml', '/word/list-definitions.xml'));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const { doc } = await readImportFile('renamed-part.docx', bytes);
    expect(outline(doc.body)).toEqual(MULTILEVEL_OUTLINE);
  });

  it('the zip guard still applies: a numbering.xml that inflates beyond its declared size is refused', async () => {
    const zip = await JSZip.loadAsync(await pack(multilevel()));
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    zip.file('word/numbering.xml', numbering + ' '.repeat(2 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    // Declare 1000 bytes for numbering.xml only (local header +22, central directory +24).
    const view = new DataView(bytes.buffer);
    const name = new TextEncoder().encode('word/numbering.xml');
    const named = (at: number, nameLen: number) => nameLen === name.length && name.every((b, k) => bytes[at + k] === b);
    for (let i = 0; i < bytes.length - 46; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && named(i + 30, view.getUint16(i + 26, true))) view.setUint32(i + 22, 1000, true);
      if (sig === 0x02014b50 && named(i + 46, view.getUint16(i + 28, true))) view.setUint32(i + 24, 1000, true);
    }
    await expect(readImportFile('liar.docx', bytes)).rejects.toThrow(/压缩炸弹/);
  });

  it('survives a LibreOffice round trip (soffice --convert-to docx)', async () => {
    const bytes = await libreOfficeDocx('plan.docx', await pack(multilevel()));
    const numbering = await (await JSZip.loadAsync(bytes)).file('word/numbering.xml')!.async('string');
    // LibreOffice wrote its own numbering: the first item on an overriding w:num, the rest on a plain one.
    expect(numbering).toContain('chineseCounting');
    expect(numbering).toContain('<w:startOverride w:val="1"/>');
    const { doc } = await readImportFile('plan.docx', bytes);
    expect(outline(doc.body)).toEqual(MULTILEVEL_OUTLINE);
  });

  it('a LibreOffice document with outline-numbered headings (chapter numbering) saved as .docx', async () => {
    const bytes = await libreOfficeDocx('plan.fodt', new TextEncoder().encode(OUTLINE_FODT));
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:numPr>/);
    const { doc } = await readImportFile('plan.docx', bytes);
    expect(outline(doc.body)).toEqual([
      'heading1.1 总体要求',
      'heading1.2 重点任务',
      'heading2.1 压实责任',
      'task3.1 落实党政责任',
      'task3.2 落实企业责任',
      'heading2.2 强化考核',
      'task3.1 开展考核',
      'heading1.3 保障措施',
    ]);
  });
});
