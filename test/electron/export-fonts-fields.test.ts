// Issue 19 (export): the font table declares every font the document uses, the page-number
// fields carry a cached result, the zip has no folder entries, and the 字体方案 choice.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { exportPlanDocx } from '../../electron/export/plan-docx';
import { exportTaskTableDocx } from '../../electron/export/task-table-docx';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { syntheticPlan } from '../helpers/sample-plans';

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
