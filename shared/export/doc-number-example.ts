// The 文号 example shown where a 文号 is asked for (the export check, 文档信息): built from the
// plan's own 发文机关 and year — 滕州市安全生产委员会, 2026 → 滕安发〔2026〕×号 — never another
// county's number. 机关代字 = the place's first character + the organ's usual code; a part that
// cannot be worked out is written ×, e.g. ×安发〔2026〕×号.
import { placeFromIssuer } from '../templates';

/** The organ's usual code in a 文号, by the end of the issuer's name (longest first). */
const ORGAN_CODES: Array<[RegExp, string]> = [
  [/(?:安全生产委员会办公室|安委会办公室|安委办)$/u, '安办发'],
  [/(?:安全生产委员会|安委会|安委)$/u, '安发'],
  [/(?:防灾减灾救灾委员会|减灾委员会|减灾委)$/u, '减灾发'],
  [/(?:应急管理局|应急局)$/u, '应急发'],
  [/(?:人民政府办公室|人民政府办公厅|政府办公室|政府办)$/u, '政办发'],
  [/(?:人民政府|政府)$/u, '政发'],
  [/(?:街道办事处|办事处)$/u, '办发'],
];

export function docNumberExample(issuer: string | undefined, year: number | undefined): string {
  const name = (issuer ?? '').replace(/\s+/g, '').replace(/^中共/u, '');
  const place = name ? placeFromIssuer(name) : null;
  const code = ORGAN_CODES.find(([re]) => re.test(name))?.[1];
  const y = year && Number.isInteger(year) ? String(year) : '××××';
  return `${place ? place[0] : '×'}${code ?? '安发'}〔${y}〕×号`;
}
