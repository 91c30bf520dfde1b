// shared/text: the one home of the rules of Chinese text, and the promise that what the import
// writes the checks accept.
import { describe, expect, it } from 'vitest';
import { analyzePlanText } from '../../shared/import/analyze';
import { fullWidthPunctuation as importPass } from '../../shared/import/punctuation';
import { checkPlan } from '../../shared/checks/index';
import { fullWidthPunctuation as checkPass } from '../../shared/checks/punctuation';
import { HAN, hasHan, isCjk } from '../../shared/text/han';
import { FULL_TO_HALF, HALF_TO_FULL, halfWidthDigits, halfWidthMarks, isNumberSeparator, nearestNonSpace, pairParens } from '../../shared/text/punctuation';
import { checkDocNumber, findDocNumber, normaliseDocNumberBrackets } from '../../shared/text/doc-number';
import { formatChineseDate, leadingDate, parseDate } from '../../shared/text/dates';

const OUTLINE = '一、总体要求\n坚持安全发展。\n二、重点任务\n1.压实责任。落实责任制。（市应急局牵头，各县区负责落实）';

describe('文号: import writes what the checks accept', () => {
  it.each([
    ['a disclosure field', (dn: string) => `文号：${dn}\n成文日期：2020年3月2日\n2020年滕州市安全生产工作要点\n${OUTLINE}`],
    ['a line under the notice title', (dn: string) => `关于印发2020年安全生产工作要点的通知\n${dn}\n各镇街：\n现印发给你们，请认真贯彻落实。\n${OUTLINE}`],
  ])('滕安发﹝2020﹞3号 in %s becomes 滕安发〔2020〕3号 with no 文号 finding', (_where, page) => {
    const { doc } = analyzePlanText(page('滕安发﹝2020﹞3号'));
    expect(doc.meta.docNumber).toBe('滕安发〔2020〕3号');
    const findings = checkPlan(doc).filter((c) => c.code.startsWith('doc-number'));
    expect(findings).toEqual([]);
  });

  it('the check itself still corrects ﹝﹞ typed by hand', () => {
    expect(checkDocNumber('滕安发﹝2020﹞3号')).toMatchObject({ ok: false, corrected: '滕安发〔2020〕3号' });
    expect(normaliseDocNumberBrackets('滕安发 ﹝2020﹞ 3号')).toBe('滕安发〔2020〕3号');
    expect(findDocNumber('关于…的通知 滕安发﹝2020﹞第03号')?.value).toBe('滕安发〔2020〕3号');
  });
});

describe('Han and CJK classes', () => {
  it('Han is the Unicode script: ideographs of every block, 〇, not kana or punctuation', () => {
    for (const c of ['安', '㐀', '〇', '々']) expect(hasHan(c), c).toBe(true);
    for (const c of ['あ', '，', 'a', '1']) expect(hasHan(c), c).toBe(false);
    expect(new RegExp(`^[${HAN}]{2}$`, 'u').test('应急')).toBe(true);
  });
  it('CJK neighbours include full-width punctuation and quotes', () => {
    for (const c of ['安', '，', '“', '》', '—', '…']) expect(isCjk(c), c).toBe(true);
    for (const c of ['a', '1', ' ', '', undefined]) expect(isCjk(c), String(c)).toBe(false);
  });
});

describe('punctuation table and neighbour rules', () => {
  it('one table both ways', () => {
    for (const [h, f] of Object.entries(HALF_TO_FULL)) expect(FULL_TO_HALF[f]).toBe(h);
    expect(halfWidthMarks('加强（监管），落实：责任；是否？是！')).toBe('加强(监管),落实:责任;是否?是!');
    expect(halfWidthDigits('第０３号')).toBe('第03号');
  });
  it('neighbours, number separators and brackets', () => {
    expect(nearestNonSpace('安 , 全', 2, -1)).toBe('安');
    expect(nearestNonSpace('安\t,全', 2, -1)).toBe('\t');
    expect(nearestNonSpace('安\t,全', 2, -1, ' \t')).toBe('安');
    expect(isNumberSeparator('共1,000人', 2)).toBe(true);
    expect(isNumberSeparator('08:30开会', 2)).toBe(true);
    expect(isNumberSeparator('安全,生产', 2)).toBe(false);
    expect(pairParens('(a(b)) c) (')).toEqual({
      pairs: new Map([
        [2, 4],
        [0, 5],
      ]),
      lone: [8, 10],
    });
  });
  it('import pass and check agree on the common cases', () => {
    for (const [input, want] of [
      ['加强监管,落实责任', '加强监管，落实责任'],
      ['会议时间:08:30 , 地点:会议室', '会议时间：08:30，地点：会议室'],
      ['共1,000人(含外包)', '共1,000人（含外包）'],
      ['见 http://www.gov.cn 网站', '见 http://www.gov.cn 网站'],
      ['Hello, world', 'Hello, world'],
    ] as const) {
      expect(importPass(input).text, input).toBe(want);
      expect(checkPass(input).text, input).toBe(want);
    }
  });
  it('text the import pass wrote has no half-width finding left', () => {
    for (const s of ['各镇街:按照要求,认真落实(县应急局牵头)', '到2025年,事故起数下降10%;死亡人数下降5%']) {
      const once = importPass(s).text;
      expect(checkPass(once).spots, once).toEqual([]);
    }
  });
});

describe('dates both ways', () => {
  it('parses what pages print and writes what documents print', () => {
    expect(parseDate('二〇二一年三月十一日')).toEqual({ iso: '2021-03-11' });
    expect(parseDate('2021/3/11')).toEqual({ iso: '2021-03-11' });
    expect(parseDate('202049')).toEqual({ lost: '202049' });
    expect(formatChineseDate('2021-03-11')).toBe('2021年3月11日');
    expect(formatChineseDate((parseDate('2020年04月10日') as { iso: string }).iso)).toBe('2020年4月10日');
    expect(leadingDate('2024-03-05 字号：大 中 小')).toBe('2024-03-05');
    expect(leadingDate('二〇二一年三月十一日 发布')).toBe('二〇二一年三月十一日');
    expect(leadingDate('2024-03-05点击')).toBeNull();
  });
});
