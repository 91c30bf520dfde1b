// Disclosure metadata in its layouts, 文号 brackets, dates, and the notice/title logic.
import { describe, expect, it } from 'vitest';
import { normaliseDocNumber, parseMetadataLines } from '../../shared/import/metadata';
import { parseDate } from '../../shared/text/dates';
import { analyzePlanText } from '../../shared/import/analyze';
import { toLines } from '../../shared/import/lines';
import { withoutIds } from '../helpers/ids';

const OUTLINE = '一、总体要求\n坚持安全发展。\n二、重点任务\n1.压实责任。落实责任制。（市应急局牵头，各县区负责落实）';

describe('metadata layouts', () => {
  const want = {
    indexNumber: '11330000/2022-00012',
    issuer: '某市应急管理局',
    writtenDate: '2022-02-08',
    publishDate: '2022-02-10',
    docNumber: '某应急〔2022〕5号',
  };
  it('bullets with spaced labels', () => {
    const r = parseMetadataLines(
      toLines(`• 索 引 号:11330000/2022-00012\n• 发布机构:某市应急管理局\n• 成文日期:2022年02月08日\n• 文  号:某应急[2022]5号\n• 发文日期:2022年2月10日`),
    );
    expect(r.fields).toMatchObject(want);
  });
  it('| tables', () => {
    const r = parseMetadataLines(
      toLines(
        `索 引 号: | 11330000/2022-00012 | 发布机构: | 某市应急管理局 |\n成文日期: | 2022-02-08 | 发文日期: | 2022-02-10 |\n发文字号: | 某应急(2022)5号 |`,
      ),
    );
    expect(r.fields).toMatchObject(want);
  });
  it('one field per line, full-width colons', () => {
    const r = parseMetadataLines(
      toLines(
        `索引号：11330000/2022-00012\n发文机关：某市应急管理局\n成文时间：2022-02-08\n发布日期：2022-02-10\n文号：某应急（2022）5号\n主题分类：安全生产\n效力状态：有效\n公开方式：主动公开`,
      ),
    );
    expect(r.fields).toMatchObject({ ...want, category: '安全生产', validity: '有效', disclosure: '主动公开' });
  });
  it('several fields on one line, with and without separators', () => {
    const r = parseMetadataLines(
      toLines(`索引号：11330000/2022-00012 发布机构：某市应急管理局 发文日期：2022-02-10\n成文日期2022年2月8日 发文字号某应急【2022】5号`),
    );
    expect(r.fields).toMatchObject(want);
  });
  it('文号 brackets normalised to 〔〕', () => {
    for (const s of ['滕编发[2020]1号', '滕编发(2020)1号', '滕编发（2020）1号', '滕编发〔2020〕1号', '滕编发【2020】1号', '滕编发［2020］1号']) {
      expect(normaliseDocNumber(s)).toBe('滕编发〔2020〕1号');
    }
  });
  it('dates: the page forms → ISO; lost digits are never guessed', () => {
    expect(parseDate('2020年04月10日')).toEqual({ iso: '2020-04-10' });
    expect(parseDate('2021年3月11日')).toEqual({ iso: '2021-03-11' });
    expect(parseDate('2025-03-05')).toEqual({ iso: '2025-03-05' });
    expect(parseDate('2025/3/5')).toEqual({ iso: '2025-03-05' });
    expect(parseDate('二〇二一年三月十一日')).toEqual({ iso: '2021-03-11' });
    expect(parseDate('202049')).toEqual({ lost: '202049' });
    expect(parseDate('2020年4月')).toEqual({ lost: '2020年4月' });
    expect(parseDate('2021年2月30日')).toEqual({ lost: '2021年2月30日' });
    expect(parseDate('现将要点印发给你们')).toBeNull();
  });
  it('a lost-digit metadata date is left empty with a warning', () => {
    const { doc } = analyzePlanText(`成文日期：202049\n发文日期：2020-04-10\n2020年工作要点\n${OUTLINE}`);
    expect(doc.meta.writtenDate).toBeUndefined();
    expect(doc.meta.publishDate).toBe('2020-04-10');
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'date-lost', path: 'meta/writtenDate', message: expect.stringContaining('202049') }));
  });
});

describe('notice and title', () => {
  it('印发《…》 notice with signer and date, then the plan title', () => {
    const text = [
      '某县安全生产委员会关于印发《2023年全县安全生产工作要点》的通知',
      '各乡镇人民政府，县直各有关单位：',
      '现将《2023年全县安全生产工作要点》印发给你们，请认真贯彻落实。',
      '某县安全生产委员会',
      '2023年3月1日',
      '2023年全县安全生产工作要点',
      '今年的工作总体思路如下。',
      OUTLINE,
    ].join('\n');
    const { doc } = analyzePlanText(text);
    expect(doc.meta).toMatchObject({
      title: '2023年全县安全生产工作要点',
      noticeTitle: '某县安全生产委员会关于印发《2023年全县安全生产工作要点》的通知',
      year: 2023,
      issuer: '某县安全生产委员会',
      writtenDate: '2023-03-01',
      addressees: ['各乡镇人民政府', '县直各有关单位'],
    });
    expect(doc.notice).toMatchObject({
      signer: '某县安全生产委员会',
      date: '2023-03-01',
      paragraphs: ['现将《2023年全县安全生产工作要点》印发给你们，请认真贯彻落实。'],
    });
    expect(withoutIds(doc).body[0]).toEqual({ type: 'paragraph', text: '今年的工作总体思路如下。' });
  });
  it('关于做好…的通知 is itself the plan; signature at the end', () => {
    const text = [
      '某区人民政府关于做好2024年安全生产工作的通知',
      '各街道办事处：',
      '2024年，全区要做好以下工作。',
      OUTLINE,
      '某区人民政府',
      '2024年2月1日',
      '（此件公开发布）',
    ].join('\n');
    const { doc } = analyzePlanText(text);
    expect(doc.meta.title).toBe('某区人民政府关于做好2024年安全生产工作的通知');
    expect(doc.meta.year).toBe(2024);
    expect(doc.notice).toMatchObject({ signer: '某区人民政府', date: '2024-02-01', note: '（此件公开发布）', paragraphs: [] });
    expect(JSON.stringify(doc.body)).not.toContain('此件公开发布');
    expect(withoutIds(doc).body[0]).toEqual({ type: 'paragraph', text: '2024年，全区要做好以下工作。' });
  });
  it('no notice: just a title; no title: the file name, with a warning', () => {
    expect(analyzePlanText(`2022年应急管理工作要点\n${OUTLINE}`).doc.meta).toMatchObject({ title: '2022年应急管理工作要点', year: 2022 });
    const r = analyzePlanText(OUTLINE, { sourceName: 'C:\\文件\\去年的要点.txt' });
    expect(r.doc.meta.title).toBe('去年的要点');
    expect(r.doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['no-title', 'no-year']));
  });
});
