// The forms real pages take (issue 12), one case each, written for this test — not copied from
// the corpus. The corpus itself is scored in import-corpus.test.ts.
import { describe, expect, it } from 'vitest';
import { analyzePlanText } from '../../shared/import/analyze';
import { fullWidthPunctuation } from '../../shared/import/punctuation';
import { stripPinyinRuby } from '../../shared/import/ruby';
import { unflatten } from '../../shared/import/flattened';
import { findDocNumber, repairDocNumber } from '../../shared/text/doc-number';
import { parseUnits, extractUnits } from '../../shared/import/units';
import type { BodyNode } from '../../shared/plan/schema';

const items = (nodes: readonly BodyNode[]): string[] =>
  nodes.flatMap((n) => (n.type === 'paragraph' ? [] : [`${n.type}|${n.level}|${n.ordinal}|${n.title}`, ...items(n.children)]));

describe('pinyin ruby', () => {
  it('is stripped after characters, with the count', () => {
    const r = stripPinyinRuby('關(guān)於印發(fā)《2024年工作要點》，生產(chǎn)安全(a)(GDP)(PM2.5)');
    expect(r.text).toBe('關於印發《2024年工作要點》，生產安全(a)(GDP)(PM2.5)');
    expect(r.count).toBe(3);
  });
  it('is reported once by the importer and never reaches titles', () => {
    const { doc } = analyzePlanText('某縣應急管理局關(guān)於印發(fā)2024年安全生產(chǎn)工作要點的通知\n一、總體要求\n（一）加強領導。落實責任。');
    expect(doc.meta.title).toBe('某县应急管理局关于印发2024年安全生产工作要点的通知');
    expect(doc.warnings.filter((w) => w.code === 'pinyin-removed')).toHaveLength(1);
  });
});

describe('half-width punctuation', () => {
  it('becomes full width between Chinese, stays ASCII in numbers, times, URLs and 文号', () => {
    expect(fullWidthPunctuation('各镇(街道),区直各部门:').text).toBe('各镇（街道），区直各部门：');
    expect(fullWidthPunctuation('时间:2020-01-02 08:30:15').text).toBe('时间：2020-01-02 08:30:15');
    expect(fullWidthPunctuation('共1,200家;详见http://a.gov.cn/x').text).toBe('共1,200家；详见http://a.gov.cn/x');
    expect(fullWidthPunctuation('依据国发[2011]40号').text).toBe('依据国发[2011]40号');
    expect(fullWidthPunctuation('GDP (per capita), ok').count).toBe(0);
  });
  it('gives one summary warning with the count', () => {
    const { doc } = analyzePlanText('2024年安全生产工作要点\n一、重点工作\n（一）加强领导,落实责任。各镇(街道)负责;年底前完成!');
    const w = doc.warnings.filter((x) => x.code === 'punctuation-normalised');
    expect(w.map((x) => x.message)).toEqual(['已将 5 处半角标点改为全角']);
  });
});

describe('the plan year', () => {
  const yearOf = (text: string) => {
    const r = analyzePlanText(text);
    return r.origins.year.source === 'none' ? undefined : [r.doc.meta.year, r.origins.year.source];
  };
  it('comes from the title first', () => {
    expect(yearOf('某县2024年安全生产工作要点\n2023年，全县事故下降。\n一、总体要求')).toEqual([2024, 'title-line']);
  });
  it('comes from the body when the title has none', () => {
    expect(yearOf('某县安全生产工作要点\n2023年全县安全生产工作的总体要求是：稳字当头。\n一、总体要求')).toEqual([2023, 'body']);
    expect(yearOf('某县安全生产工作要点\n一、主要目标\n2025年目标\n二、重点工作')).toEqual([2025, 'body']);
  });
  it('does not take "到2025年" for the plan year', () => {
    expect(yearOf('某县安全生产工作要点\n到2025年目标\n一、总体要求')).toBeUndefined();
  });
  it('comes from the 文号, then the signature date', () => {
    expect(yearOf('关于印发安全生产工作要点的通知\n某安发〔2019〕3号\n各镇：\n现印发给你们。\n一、总体要求')).toEqual([2019, 'doc-number']);
    expect(yearOf('各镇街：\n现将《安全生产工作要点》印发给你们，请认真贯彻执行。\n某县安全生产委员会\n2019年2月3日\n安全生产工作要点\n一、总体要求')).toEqual([
      2019,
      'written-date',
    ]);
  });
  it('of a multi-year plan is the year it was issued', () => {
    expect(
      yearOf(
        '关于印发某市安全生产“十四五”规划的通知\n某安发〔2021〕9号\n各区：\n现印发给你们。\n某市安全生产“十四五”规划\n一、现状和形势\n到2025年，事故下降。',
      ),
    ).toEqual([2021, 'doc-number']);
  });
  it('stays unknown when the text gives none, with a warning and no silent current year', () => {
    const r = analyzePlanText('安全生产工作要点\n一、总体要求\n（一）加强领导。');
    expect(r.origins.year).toEqual({ source: 'none' });
    expect(r.doc.warnings.map((w) => w.code)).toContain('no-year');
  });
});

describe('the notice around the plan', () => {
  it('reads 文号 after the title in brackets, 主送 over two lines with half-width marks, signature and 附注', () => {
    const r = analyzePlanText(
      [
        '某省安全生产委员会关于印发2024年全省安全生产工作要点的通知(皖安[2024]1号)',
        '各市、县(区)人民政府,',
        '省安委会各成员单位:',
        '现将《2024年全省安全生产工作要点》印发给你们,请认真贯彻落实。',
        '某省安全生产委员会',
        '2024年1月30日',
        '(此件公开发布)',
        '2024年全省安全生产工作要点',
        '一、总体要求',
      ].join('\n'),
    );
    expect(r.doc.meta).toMatchObject({
      title: '2024年全省安全生产工作要点',
      noticeTitle: '某省安全生产委员会关于印发2024年全省安全生产工作要点的通知',
      docNumber: '皖安〔2024〕1号',
      issuer: '某省安全生产委员会',
      writtenDate: '2024-01-30',
      addressees: ['各市', '县（区）人民政府', '省安委会各成员单位'],
    });
    expect(r.doc.notice?.note).toBe('（此件公开发布）');
    expect(r.origins.addressees.source).toBe('addressee-line');
  });
  it('reads a red-header title over three lines (issuer, 关于…的, 通  知) and a 文号 line', () => {
    const r = analyzePlanText(
      '某县人民政府\n关于做好2019年安全生产和消防工作的\n通    知\n某政发【2019】2号\n各乡镇人民政府：\n一、总体要求\n二、重点工作\n（一）压实责任。',
    );
    expect(r.doc.meta.title).toBe('某县人民政府关于做好2019年安全生产和消防工作的通知');
    expect(r.doc.meta.issuer).toBe('某县人民政府');
    expect(r.doc.meta.docNumber).toBe('某政发〔2019〕2号');
    expect(r.doc.meta.addressees).toEqual(['各乡镇人民政府']);
  });
  it('joins a title broken mid-phrase and keeps the period in the title', () => {
    const r = analyzePlanText(
      '关于印发某市2021年防灾减灾救灾\n和消防工作要点的通知\n各区：\n现印发给你们。\n某市防灾减灾救灾和消防工作要点（2021—2023年）\n一、总体要求',
    );
    expect(r.doc.meta.noticeTitle).toBe('关于印发某市2021年防灾减灾救灾和消防工作要点的通知');
    expect(r.doc.meta.title).toBe('某市防灾减灾救灾和消防工作要点（2021—2023年）');
  });
  it('reads a notice that starts at its 主送 line (no title) and the plan title after the signature', () => {
    const r = analyzePlanText(
      '各村（社区），镇直各部门：\n现将《某镇2025年安全生产工作要点》印发给你们，请认真贯彻执行。\n某镇人民政府\n2025年3月1日\n某镇2025年安全生产工作要点\n一、牢固树立安全发展理念。推动学习贯彻。\n二、深入开展隐患排查。推动整治。',
    );
    expect(r.doc.meta).toMatchObject({
      title: '某镇2025年安全生产工作要点',
      issuer: '某镇人民政府',
      writtenDate: '2025-03-01',
      addressees: ['各村（社区）', '镇直各部门'],
    });
    expect(r.doc.meta.noticeTitle).toBeUndefined();
    // A flat notice: 一、 items whose titles end in 。 and run into a body are tasks.
    expect(items(r.doc.body)).toEqual(['task|1|1|牢固树立安全发展理念', 'task|1|2|深入开展隐患排查']);
  });
  it('reads a garbled 文号 back only when its year agrees', () => {
    expect(repairDocNumber('安委〔20161', 2016)?.value).toBe('安委〔2016〕1号');
    expect(repairDocNumber('安委〔20161', 2017)).toBeNull();
    expect(findDocNumber('滕安发﹝2020﹞3号')?.value).toBe('滕安发〔2020〕3号');
  });
});

describe('page chrome', () => {
  const page = [
    '当前位置: 首页 » 政策法规 » 安全生产',
    '政策解读:某县2024年安全生产工作要点',
    '来源:某县应急管理局 发布时间:2024-03-05 字号: 大 中 小 打印 保存 分享至',
    '【字体：大 中 小】',
    '浏览次数: 1024',
    '扫一扫在手机打开',
    '某县2024年安全生产工作要点',
    '一、总体要求',
  ].join('\n');
  it('never lands in the title or the 主送, and gives the publication date', () => {
    const r = analyzePlanText(page);
    expect(r.doc.meta.title).toBe('某县2024年安全生产工作要点');
    expect(r.doc.meta.addressees).toEqual([]);
    expect(r.doc.meta.publishDate).toBe('2024-03-05');
    expect(r.doc.meta.issuer).toBeUndefined();
    expect(JSON.stringify(r.doc)).not.toMatch(/字体|扫一扫|浏览次数|当前位置|政策解读|分享/);
  });
  it('does not take a repost site stamp years later for the publication date', () => {
    const r = analyzePlanText('某市人民政府关于做好2012年安全生产工作的通知\n浏览量: 12 时间:2018-11-14 08:55:17\n各区县：\n一、总体要求');
    expect(r.doc.meta.publishDate).toBeUndefined();
    expect(r.doc.warnings.map((w) => w.code)).toContain('publish-date-dropped');
  });
});

describe('disclosure tables', () => {
  it('read several fields on one line, spaced labels, a value on the next line and 主送 inside 概述', () => {
    const r = analyzePlanText(
      [
        '索 引 号: 11341100-2024-00012 发文字号: 某安〔2024〕2号 成文日期: 2024-02-01',
        '标  题: 某市2024年安全生产工作要点',
        '发布日期:',
        '2024-02-03',
        '概述: 各县(市、区)人民政府,市直各部门:现将《某市2024年安全生产工作要点》印发给你们。',
        '某市2024年安全生产工作要点',
        '一、总体要求',
      ].join('\n'),
    );
    expect(r.doc.meta).toMatchObject({
      indexNumber: '11341100-2024-00012',
      docNumber: '某安〔2024〕2号',
      writtenDate: '2024-02-01',
      publishDate: '2024-02-03',
      title: '某市2024年安全生产工作要点',
      addressees: ['各县（市、区）人民政府', '市直各部门'],
    });
    expect(r.origins.addressees.source).toBe('metadata');
  });
});

describe('outline roles', () => {
  it('makes the items of a 工作目标 section and of a 现状 section headings', () => {
    const r = analyzePlanText(
      '某县2024年安全生产工作要点\n一、工作目标\n（一）事故起数下降10%以上；\n（二）杜绝较大事故发生。\n二、重点工作\n（一）压实责任。推动落实。',
    );
    expect(items(r.doc.body)).toEqual([
      'heading|1|1|工作目标',
      'heading|2|1|事故起数下降10%以上',
      'heading|2|2|杜绝较大事故发生',
      'heading|1|2|重点工作',
      'task|2|1|压实责任',
    ]);
  });
  it('reads a page that starts mid-plan inside the targets', () => {
    const r = analyzePlanText('（三）实现专项整治目标。结合打击非法违法。\n三、主要工作\n（一）落实主体责任。\n1.学习文件精神。一是学习。');
    expect(items(r.doc.body)).toEqual(['heading|2|3|实现专项整治目标', 'heading|1|3|主要工作', 'heading|2|1|落实主体责任', 'task|3|1|学习文件精神']);
  });
});

describe('units in more forms', () => {
  it('牵头责任单位 / 协同责任单位 with a note after the list', () => {
    const u = parseUnits('牵头责任单位：县委宣传部、县应急管理局，协同责任单位：县安委会各成员单位。各镇（园区）落实属地管理责任，以下不再重复列出');
    expect(u).toMatchObject({ lead: ['县委宣传部', '县应急管理局'], support: ['县安委会各成员单位'] });
    expect(u.note).toContain('不再重复列出');
  });
  it('a units line of its own after the task', () => {
    const e = extractUnits('开展专项整治。\n牵头单位：县应急管理局；配合单位：县公安局、县交通运输局。');
    expect(e?.unitsText).toBe('牵头单位：县应急管理局；配合单位：县公安局、县交通运输局');
    expect(parseUnits(e!.unitsText)).toMatchObject({ lead: ['县应急管理局'], support: ['县公安局', '县交通运输局'] });
  });
  it('(责任单位:…) after the final 。', () => {
    const r = analyzePlanText('某县2024年工作要点\n一、重点工作\n（一）开展隐患排查。全面排查。(责任单位:县应急管理局、各镇)');
    expect(r.doc.body[0]).toMatchObject({ children: [{ type: 'task', support: ['县应急管理局', '各镇'] }] });
  });
});

describe('flattened text', () => {
  it('splits a page run into one paragraph at its item markers and paragraph spaces', () => {
    const one =
      '各镇街,区直各部门: 为做好今年安全生产工作,现提出如下意见: 一、指导思想 以习近平新时代中国特色社会主义思想为指导,坚持人民至上、生命至上,统筹发展和安全。 二、主要任务 (一)压实责任。各单位要落实主体责任,层层签订责任书。(二)排查隐患。全面开展隐患排查整治,建立台账。';
    expect(unflatten([one]).lines.length).toBeGreaterThanOrEqual(5);
    const r = analyzePlanText(`某县2024年安全生产工作意见\n${one}`);
    expect(items(r.doc.body)).toEqual(['heading|1|1|指导思想', 'heading|1|2|主要任务', 'task|2|1|压实责任', 'task|2|2|排查隐患']);
    expect(r.doc.meta.addressees).toEqual(['各镇街', '区直各部门']);
  });
});
