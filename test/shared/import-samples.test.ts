// The three real pages in ../shared/samples must import exactly as a careful person reads them.
import { describe, expect, it } from 'vitest';
import { analyzePlanText } from '../../shared/import/analyze';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { halfWidthMarks } from '../../shared/text/punctuation';
import { flatten, readSample, sampleNames } from './import-samples.helpers';

/**
 * The samples' *.expected.json were written with the pages' half-width punctuation; since
 * issue 12 the importer sets , : ; ( ) ? ! between Chinese in full width (GB/T 9704 text). The
 * only difference allowed is that width: the output is folded back to half width here and must
 * then equal the expected values exactly. A separate check asserts the full-width output.
 */
function halfWidth<T>(v: T): T {
  return JSON.parse(halfWidthMarks(JSON.stringify(v))) as T;
}

describe('samples match their *.expected.json', () => {
  const names = sampleNames();
  it('finds the three samples beside the repo', () => {
    expect(names).toEqual(['lucheng-2025-tongzhi', 'nanxun-2021-yingji-yaodian', 'tengzhou-2020-yaodian']);
  });

  for (const name of names) {
    describe(name, () => {
      const { text, expected } = readSample(name);
      const { doc, stats } = analyzePlanText(text, { sourceName: `${name}.txt` });

      it('validates against PlanDocumentSchema', () => {
        expect(PlanDocumentSchema.safeParse(doc).success).toBe(true);
      });
      it('has the expected metadata', () => {
        for (const [key, value] of Object.entries(expected.meta)) {
          expect({ key, value: halfWidth((doc.meta as Record<string, unknown>)[key]) }).toEqual({ key, value });
        }
      });
      it('has the expected outline (kinds, levels, ordinals, titles, units, notes, targets)', () => {
        expect(halfWidth(flatten(doc))).toEqual(expected.outline);
      });
      it('sets punctuation between Chinese in full width and says so once', () => {
        const titles = flatten(doc)
          .map((o) => o.title)
          .join('\n');
        expect(titles).not.toMatch(/[\u4e00-\u9fff][,:;]|[,:;][\u4e00-\u9fff]/u);
        expect(doc.warnings.filter((w) => w.code === 'punctuation-normalised')).toHaveLength(1);
      });
      it('counts what it found', () => {
        expect(stats.tasks).toBe(expected.outline.filter((o) => o.kind === 'task').length);
        expect(stats.headings).toBe(expected.outline.filter((o) => o.kind === 'heading').length);
        expect(stats.chars).toBe(text.length);
      });
    });
  }

  it('tengzhou: numbering runs on through the plan at level 3, lost digits and brackets are warned', () => {
    const { doc } = analyzePlanText(readSample('tengzhou-2020-yaodian').text);
    expect(doc.numbering.perLevel).toEqual(['restart', 'restart', 'continuous', 'restart']);
    expect(doc.notice?.date).toBeUndefined();
    const codes = doc.warnings.map((w) => `${w.code} ${w.message} ${w.path}`);
    expect(codes).toContain('units-paren-unclosed 第13项责任单位括号不完整 body/2/children/2/children/1');
    expect(codes.some((c) => c.startsWith('date-lost') && c.includes('202049'))).toBe(true);
    expect(codes.some((c) => c.startsWith('title-long') && c.includes('第14项'))).toBe(true);
    // No site footer in the body, no invented date.
    // (Node ids are random letters and digits — one may spell ICP — so they are left out.)
    expect(JSON.stringify(doc, (k, v: unknown) => (k === 'id' ? undefined : v))).not.toMatch(/ICP|Copyright|友情链接|2020-04-09/);
    expect(doc.meta.validity).toBe('有效');
  });

  it('lucheng: the notice is the plan; signer, date and 附注 come from its end', () => {
    const { doc } = analyzePlanText(readSample('lucheng-2025-tongzhi').text);
    expect(doc.meta.noticeTitle).toBeUndefined();
    expect(doc.notice).toMatchObject({ signer: '长治市潞城区人民政府', date: '2025-03-05', note: '（此件公开发布）' });
    expect(doc.numbering.perLevel[1]).toBe('continuous');
    expect(doc.body[0]).toMatchObject({ type: 'paragraph' });
    expect(JSON.stringify(doc.body)).not.toMatch(/字体大小|保存为word|图文解读|此件公开发布/);
    expect(doc.warnings.map((w) => w.code)).toEqual(['punctuation-normalised']);
  });

  it('nanxun: restart numbering, notice paragraph and signer, `|`-table metadata', () => {
    const { doc } = analyzePlanText(readSample('nanxun-2021-yingji-yaodian').text);
    expect(doc.numbering.perLevel).toEqual(['restart', 'restart', 'restart', 'restart']);
    expect(doc.notice?.signer).toBe('南浔区安全生产委员会');
    expect(doc.notice?.paragraphs).toHaveLength(1);
    expect(doc.meta.disclosure).toBe('主动公开');
    const goal = flatten(doc).find((i) => i.title === '工作目标');
    expect(goal?.targets).toEqual(['下降超20%', '下降超25%', '控制在1%以内']);
  });
});
