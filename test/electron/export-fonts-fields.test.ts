// Issue 19 (export): the font table declares every font the document uses, the page-number
// fields carry a cached result, the zip has no folder entries, and the 字体方案 choice.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { exportTaskTableDocx, landscapeTableDocx } from '../../electron/export/task-table-docx';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { syntheticPlan } from '../helpers/sample-plans';
import { DEFAULT_FONTS, FONT_SCHEMES } from '../../shared/layout/gbt9704';

/** Every entry name of a zip, folders included (read from the central directory). */
function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extra + comment;
  }
  return names;
}

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (name: string) => (files[name] ? strFromU8(files[name]!) : '');
};

const exporters: Array<[string, () => Promise<Uint8Array>]> = [
  ['plan', () => exportPlanDocx(syntheticPlan(2), { form: 'notice', includeDisclosureTable: true })],
  ['task table', () => exportTaskTableDocx(syntheticPlan(2))],
  ['review', () => exportReviewDocx(syntheticPlan(2), [])],
  [
    '对照表 / 汇总表 (landscape table)',
    () =>
      landscapeTableDocx({
        title: '对照表',
        subject: '对照表',
        creator: '',
        keywords: [],
        description: '',
        headers: ['序号', '内容'],
        shares: [0.2, 0.8],
        aligns: ['center', 'left'],
        rows: [{ kind: 'row', cells: ['1', '王堃'] }],
        fonts: DEFAULT_FONTS,
        linePitchTwips: 579,
      }),
  ],
];

describe('page-number fields', () => {
  it('the PAGE field in both footers has a cached result between separate and end', async () => {
    const part = parts(await exportPlanDocx(syntheticPlan(2)));
    for (const [footer, cached] of [
      ['word/footer1.xml', '1'],
      ['word/footer2.xml', '2'],
    ] as const) {
      const xml = part(footer);
      const field = /<w:fldChar w:fldCharType="begin"\/>[\s\S]*?<w:fldChar w:fldCharType="end"\/>/.exec(xml)?.[0] ?? '';
      expect(field).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      const result = field.split('w:fldCharType="separate"/>')[1] ?? '';
      expect([...result.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe(cached);
      // The result run has the footer's font and size.
      expect(result).toContain('w:eastAsia="宋体"');
    }
  });
});

describe('zip entries', () => {
  it.each(exporters)('%s: no folder entries', async (_name, make) => {
    const names = zipEntryNames(await make());
    expect(names).toContain('word/document.xml');
    expect(names.filter((n) => n.endsWith('/'))).toEqual([]);
  });
});

/** Font names the runs and styles of a package name (w:rFonts, every slot). */
function fontsUsed(part: (name: string) => string, names: string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names)
    for (const m of part(n).matchAll(/<w:rFonts\b([^>]*)\/>/g)) for (const a of m[1]!.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) out.add(a[1]!);
  return out;
}

function declaredFonts(fontTable: string): Map<string, string> {
  return new Map([...fontTable.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].map((m) => [m[1]!, m[2]!]));
}

describe('font table', () => {
  it.each(exporters)('%s: declares every font its document, footers, comments and styles use', async (_name, make) => {
    const bytes = await make();
    const files = unzipSync(bytes);
    const part = parts(bytes);
    const xmlParts = Object.keys(files).filter((n) => /^word\/(document|styles|footer\d*|header\d*|comments\w*)\.xml$/.test(n));
    const used = fontsUsed(part, xmlParts);
    expect(used.size).toBeGreaterThanOrEqual(4);
    const declared = declaredFonts(part('word/fontTable.xml'));
    expect([...used].filter((f) => !declared.has(f))).toEqual([]);
    // Nothing declared that is not used.
    expect([...declared.keys()].filter((f) => !used.has(f))).toEqual([]);
  });

  it('gives substitution hints: altName, GB2312 charset, family, pitch, panose', async () => {
    const part = parts(await exportPlanDocx(syntheticPlan(2), { form: 'notice' }));
    const declared = declaredFonts(part('word/fontTable.xml'));
    expect([...declared.keys()].sort()).toEqual(['仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    expect(declared.get('仿宋_GB2312')).toBe(
      '<w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>',
    );
    expect(declared.get('楷体_GB2312')).toContain('<w:altName w:val="楷体"/>');
    expect(declared.get('方正小标宋简体')).toContain('<w:altName w:val="宋体"/>');
    expect(declared.get('宋体')).toBe(
      '<w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>',
    );
    expect(declared.get('黑体')).toContain('<w:altName w:val="SimHei"/>');
    for (const body of declared.values()) expect(body).toContain('<w:charset w:val="86"/>');
  });

  it('an unknown font typed in the dialog is declared too, with what can be said of it', async () => {
    const part = parts(await exportPlanDocx(syntheticPlan(2), { fonts: { title: '华文中宋', body: '仿宋', heading1: 'Times New Roman', heading2: '楷体' } }));
    const declared = declaredFonts(part('word/fontTable.xml'));
    expect(declared.get('华文中宋')).toBe('<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>');
    expect(declared.get('Times New Roman')).toContain('<w:charset w:val="00"/><w:family w:val="roman"/>');
    expect(declared.get('仿宋')).toContain('<w:altName w:val="FangSong"/>');
  });
});

describe('字体方案 通用', () => {
  it('宋体 in bold for the title and the 发文机关标志, 仿宋 / 黑体 / 楷体, and only these declared', async () => {
    const doc = syntheticPlan(2);
    doc.meta.issuer = '某某县安全生产委员会';
    const part = parts(await exportPlanDocx(doc, { form: 'notice', fonts: FONT_SCHEMES.common }));
    const xml = part('word/document.xml');
    const titleRuns = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?w:eastAsia="宋体"(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g)].map((m) => m[0]);
    expect(titleRuns.length).toBeGreaterThan(0);
    for (const r of titleRuns) expect(r).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    expect(xml).toContain('某某县安全生产委员会文件');
    expect(xml).not.toContain('_GB2312');
    expect(xml).not.toContain('方正小标宋简体');
    expect([...declaredFonts(part('word/fontTable.xml')).keys()].sort()).toEqual(['仿宋', '宋体', '楷体', '黑体'].sort());
    expect(part('word/styles.xml')).toMatch(/<w:style w:type="paragraph" w:styleId="Title">[\s\S]*?<w:b\/>|<w:b w:val="true"\/>[\s\S]*?<\/w:style>/);
  });
});
