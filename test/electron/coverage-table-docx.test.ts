// 导出对照表 (export.coverageTable): the rows of coverageTableRows as a landscape table; every
// line of a cell ('\n') is a paragraph of its own. Read back from the DOCX's document.xml.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { compareUpperDraft } from '../../shared/compare';
import { coverageTableRows } from '../../shared/compare/coverage-table';
import { COVERAGE_TABLE_HEADERS, createExportServices } from '../../electron/services/export-service';
import { coverageDraft, coverageUpper } from '../helpers/coverage-pair';
import { unescapeXml } from '../../shared/text/xml-text';

const decode = unescapeXml;

/** The table's rows, each a list of cells, each a list of paragraph texts. */
async function tableCells(bytes: Uint8Array): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
  return [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))),
    ),
  );
}

describe('对照表 DOCX', () => {
  const rows = coverageTableRows(compareUpperDraft(coverageUpper, coverageDraft));
  const exportTable = createExportServices(async () => {
    throw new Error('no plan needed');
  })['export.coverageTable'];

  it('has the five columns and one row per upper task; a cell’s lines are separate paragraphs', async () => {
    const r = await exportTable({ title: '某镇2025年安全生产工作要点对照某区2025年安全生产工作要点落实情况表', rows });
    expect(r.fileName).toMatch(/\.docx$/);
    const table = await tableCells(r.bytes);
    expect(table[0]!.map((c) => c.join(''))).toEqual(COVERAGE_TABLE_HEADERS);
    expect(COVERAGE_TABLE_HEADERS).toEqual(['序号', '上级任务', '本级落实任务及依据', '落实状态', '目标差异及理由']);
    expect(table).toHaveLength(1 + rows.length);

    // The partial task: its status, the link, its reason and the parts left out, one paragraph each.
    const partial = table.find((tr) => tr[1]!.join('').endsWith('强化危险化学品安全监管'))!;
    expect(partial[3]).toEqual(['部分落实']);
    expect(partial[2]![0]).toBe('（一）检查危险化学品企业');
    expect(partial[2]![1]).toMatch(/^依据：共同表述：“/u);
    expect(partial[2]).toContain('未见落实：“推进化工园区封闭化管理和智慧化平台建设”“落实危险化学品运输车辆动态监控，严查违规运输行为”');

    // The weaker figure and the different lead units: each reason, and the quotes, a paragraph.
    const weaker = table.find((tr) => tr[1]!.join('').endsWith('开展隐患排查治理'))!;
    expect(weaker[3]).toEqual(['已落实']);
    expect(weaker[4]).toContain('【目标低于上级】上级“95%”，本级“85%”');
    expect(weaker[4]).toContain('【牵头单位不同】上级为区应急局，本级为镇安委办');
    expect(weaker[4]!.some((p) => /^上级：“.*95%.*”／本级：“.*85%.*”$/u.test(p))).toBe(true);
    expect(weaker[2]!.at(-1)).toMatch(/目标对应：95%→85%$/u);
  });

  it('a task with no draft task shows a dash', async () => {
    const r = await exportTable({ title: '对照表', rows: [{ upper: '（一）某项任务', draft: '', status: '未落实', targets: '' }] });
    const [, row] = await tableCells(r.bytes);
    expect(row!.map((c) => c.join(''))).toEqual(['1', '（一）某项任务', '—', '未落实', '']);
  });
});

describe('对照表 request limits (issue 16)', () => {
  it('a table over its limits (600,000 characters, 5,000 paragraphs, 800 rows) is refused in Chinese before anything is built', async () => {
    const { createDispatcher } = await import('../../electron/transport/dispatch');
    let built = 0;
    const dispatch = createDispatcher({ 'export.coverageTable': async () => ({ fileName: 'x.docx', bytes: new Uint8Array(++built) }) } as never);
    const call = (rows: unknown[]) => dispatch('export.coverageTable', { title: '对照表', rows });
    const long = { upper: '上'.repeat(6000), draft: '本'.repeat(20000), status: '已落实', targets: '标'.repeat(20000) };
    expect(JSON.stringify(await call(Array.from({ length: 14 }, () => long)))).toContain('超过六十万字');
    const lines = {
      upper: '上级任务',
      draft: Array.from({ length: 40 }, () => '依据').join('\n'),
      status: '已落实',
      targets: Array.from({ length: 40 }, () => '理由').join('\n'),
    };
    expect(JSON.stringify(await call(Array.from({ length: 80 }, () => lines)))).toContain('超过 5000 段');
    const small = { upper: '上级任务', draft: '本级任务', status: '已落实', targets: '' };
    expect(JSON.stringify(await call(Array.from({ length: 801 }, () => small)))).toContain('超过 800 行');
    expect(built).toBe(0);
    // A 500-task comparison's table size is accepted.
    expect(await call(Array.from({ length: 12 }, () => long))).toMatchObject({ ok: true });
    expect(await call(Array.from({ length: 500 }, () => small))).toMatchObject({ ok: true });
  });
});
