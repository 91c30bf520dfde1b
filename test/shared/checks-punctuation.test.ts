import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, runChecks } from '../../shared/checks/index';
import { applyAndRecheck, input, meta, para, plan, task, withCode } from './checks-helpers';

describe('fullWidthPunctuation', () => {
  it.each([
    ['加强监管,落实责任', '加强监管，落实责任'],
    ['主要任务:一是', '主要任务：一是'],
    ['一是加强;二是落实', '一是加强；二是落实'],
    ['党委(党组)理论学习', '党委（党组）理论学习'],
    ['按照通知(滕编发[2020]1号)要求', '按照通知（滕编发[2020]1号）要求'],
    ['是否落实?请核实!', '是否落实？请核实！'],
    ['(1)加强领导', '（1）加强领导'],
    ['各乡(镇人民政府', '各乡（镇人民政府'],
    ['中国, 北京', '中国，北京'],
    ['推动PM2.5,下降', '推动PM2.5，下降'],
  ])('%s → %s', (from, to) => {
    expect(fullWidthPunctuation(from).text).toBe(to);
  });

  it.each([
    '共计1,500万元',
    '于3:00召开',
    '登录http://www.example.gov.cn/a,b:c查看',
    '访问 https://yjj.gov.cn/x?y=1 办理',
    '发送至 safety@example.com',
    'Safety first, always: (be careful)!',
    '构建2+3+N工作格局',
    '比例为1.5倍',
    '函数f(x)取值',
    '已是全角，：；（）？！',
  ])('leaves %s alone', (s) => {
    expect(fullWidthPunctuation(s).text).toBe(s);
    expect(fullWidthPunctuation(s).spots).toEqual([]);
  });

  it('converts a pair of brackets together around Latin text in Chinese', () => {
    expect(fullWidthPunctuation('开展“安全生产月”(Safety Month)活动').text).toBe('开展“安全生产月”（Safety Month）活动');
  });
});

describe('halfwidth-punct check', () => {
  it('reports a task with half-width marks and fixes every field of it in one patch', () => {
    const inp = plan([task('加强监管,落实责任', '严格执法;强化督查。', { unitsText: '县应急局牵头,各乡(镇)负责落实', support: ['各乡(镇)'] })]);
    const cs = withCode(runChecks(inp), 'halfwidth-punct');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.blockIndex).toBe(2);
    expect(cs[0]!.field).toBe('title');
    expect(cs[0]!.message).toContain('任务 1 ');
    expect(cs[0]!.fix!.label).toBe('改为全角标点');
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    const t = fixed.blocks[2] as { title: string; text: string; unitsText: string; support: string[]; lead: string[] };
    expect(t.title).toBe('加强监管，落实责任');
    expect(t.text).toBe('严格执法；强化督查。');
    expect(t.unitsText).toBe('县应急局牵头，各乡（镇）负责落实');
    expect(t.support).toEqual(['各乡（镇）']);
    expect(t.lead).toEqual(['县应急局']);
  });

  it('does not report numbers, URLs and English', () => {
    const inp = plan([task('加强监管', '投入1,500万元，于3:00前报送http://a.gov.cn/x,y，落实2+3+N机制。')]);
    expect(withCode(runChecks(inp), 'halfwidth-punct')).toEqual([]);
  });

  it('reports paragraphs and headings, and names them', () => {
    const inp = input([para('2021年,全县上下'), { type: 'heading', level: 1, title: '总体要求:' }]);
    const cs = withCode(runChecks(inp), 'halfwidth-punct');
    expect(cs.map((c) => c.blockIndex)).toEqual([0, 1]);
    expect(cs[0]!.message).toContain('段落“2021年,全县上下”');
    expect(cs[1]!.message).toContain('标题“一、总体要求:”');
    const { fixed } = applyAndRecheck(inp, cs[1]!);
    expect(fixed.blocks[1]).toEqual({ type: 'heading', level: 1, title: '总体要求：' });
  });

  it('checks the addressees and fixes them as a metadata patch', () => {
    const inp = input([], { meta: meta({ addressees: ['各乡(镇)人民政府', '县直各部门'] }) });
    const cs = withCode(runChecks(inp), 'halfwidth-punct');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.blockIndex).toBeNull();
    expect(cs[0]!.field).toBe('meta');
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.meta.addressees).toEqual(['各乡（镇）人民政府', '县直各部门']);
    expect(fixed.meta.title).toBe(inp.meta.title);
  });
});
