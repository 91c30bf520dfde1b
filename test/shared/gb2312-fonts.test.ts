// Issue 19: the GB2312 character set (decoded, not hand-written), the 字体方案 and the export
// warning for characters a _GB2312 font cannot show.
import { describe, expect, it } from 'vitest';
import { gb2312Chars, isGb2312, outsideGb2312 } from '../../shared/text/gb2312';
import { exportWarnings } from '../../shared/export/resolve';
import { FONT_SCHEMES, fontSchemeOf } from '../../shared/layout/gbt9704';
import { emptyPlan, type PlanDocument, type TaskNode } from '../../shared/plan/schema';
import { rememberFontScheme, rememberedFontScheme } from '../../shared/export/font-scheme-memory';

const task = (ordinal: number, over: Partial<TaskNode> = {}): TaskNode => ({
  type: 'task',
  level: 3,
  ordinal,
  title: '加强安全生产考核',
  text: '加大考核比重。',
  lead: ['县应急局'],
  support: [],
  targets: [],
  children: [],
  ...over,
});

function plan(): PlanDocument {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  doc.body = [
    {
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '总体要求',
      children: Array.from({ length: 12 }, (_, i) => task(i + 1)),
    },
  ];
  return doc;
}

describe('GB2312', () => {
  it('is the 6,763 hanzi and 682 symbols of GB 2312-80, from the GBK decoder', () => {
    const chars = gb2312Chars();
    const han = [...chars].filter((c) => c >= '\u4e00' && c <= '\u9fff');
    expect(han.length).toBe(6763);
    expect(chars.size).toBe(6763 + 682);
    for (const c of '安全生产〔〕（），。、；：“”《》—…·％℃ＡＺ０９') expect(isGb2312(c), c).toBe(true);
    for (const c of '堃喆䶮𠀀镕') expect(isGb2312(c), c).toBe(false);
    // Letters, digits and ASCII punctuation: the GB2312 fonts show them.
    expect(outsideGb2312('ABC 123 (a-b) 堃 喆 堃')).toEqual(['堃', '喆']);
  });
});

describe('字体方案', () => {
  it('标准 and 通用, recognised from the fonts', () => {
    expect(FONT_SCHEMES.standard).toEqual({ title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312' });
    expect(FONT_SCHEMES.common).toEqual({ title: '宋体', titleBold: true, body: '仿宋', heading1: '黑体', heading2: '楷体' });
    expect(fontSchemeOf(FONT_SCHEMES.common)).toBe('common');
    expect(fontSchemeOf({ ...FONT_SCHEMES.standard })).toBe('standard');
    expect(fontSchemeOf({ ...FONT_SCHEMES.standard, body: '仿宋' })).toBe('custom');
  });
});

describe('export warning: characters outside GB2312', () => {
  it('names the task and the character, with the font that cannot show it', () => {
    const doc = plan();
    const t12 = (doc.body[0] as { children: TaskNode[] }).children[11]!;
    t12.text = '由王堃同志负责，刘喆协助。';
    const w = exportWarnings(doc, {});
    expect(w).toContain('任务 12 中的“堃”“喆”不在 GB2312 字符集中，仿宋_GB2312 无法显示，建议使用通用字体方案或核对用字');
  });

  it('in the title, the units and the notice; not with the 通用 scheme', () => {
    const doc = plan();
    doc.meta.title = '2026年全县安全生产工作要点（䶮）';
    (doc.body[0] as { children: TaskNode[] }).children[2]!.lead = ['堃山镇人民政府'];
    const w = exportWarnings(doc, {});
    expect(w).toContain('标题中的“䶮”不在 GB2312 字符集中，方正小标宋简体无法显示，建议使用通用字体方案或核对用字');
    expect(w).toContain('任务 3 中的“堃”不在 GB2312 字符集中，仿宋_GB2312 无法显示，建议使用通用字体方案或核对用字');
    expect(exportWarnings(doc, { fonts: FONT_SCHEMES.common }).filter((x) => x.includes('GB2312'))).toEqual([]);
  });

  it('a second-level heading in 楷体_GB2312', () => {
    const doc = plan();
    doc.body[0]!.type === 'heading' && doc.body[0]!.children.unshift({ type: 'heading', level: 2, ordinal: 1, title: '喆字号', children: [] });
    expect(exportWarnings(doc, {})).toContain('二级标题“（一）喆字号”中的“喆”不在 GB2312 字符集中，楷体_GB2312 无法显示，建议使用通用字体方案或核对用字');
    // A first-level heading in 黑体 (GBK) is not a problem.
    const doc2 = plan();
    (doc2.body[0] as { title: string }).title = '喆';
    expect(exportWarnings(doc2, {}).filter((x) => x.includes('GB2312'))).toEqual([]);
  });
});

describe('字体方案 remembered per office', () => {
  it('keeps one scheme per 发文机关 in one setting', () => {
    let stored: unknown = null;
    expect(rememberedFontScheme(stored, '甲县安全生产委员会')).toBe(null);
    stored = rememberFontScheme(stored, '甲县安全生产委员会', 'common');
    stored = rememberFontScheme(stored, '乙县安全生产委员会', 'standard');
    expect(rememberedFontScheme(stored, '甲县安全生产委员会')).toBe('common');
    expect(rememberedFontScheme(stored, '乙县安全生产委员会')).toBe('standard');
    expect(rememberedFontScheme({ x: 'fancy' }, 'x')).toBe(null);
    expect(rememberFontScheme([1, 2], '', 'common')).toEqual({ '': 'common' });
  });
});
