// The transmittal notice (关于印发《…》的通知 / 关于做好20XX年…工作的通知): its title,
// addressees, paragraphs, signer, date and 附注; the plan's own title and year. When no plan
// title follows the notice, the notice is itself the plan.
import { parseDate, type DateParse } from '../text/dates';
import { splitTopLevel } from './brackets';
import { matchItem } from './outline';
import { squeezeCjkSpaces } from './lines';

export const NOTICE_TITLE =
  /关于.{2,120}的(通知|通报|决定|意见|函|批复)$|印发.{0,80}《.+》.{0,10}(通知)$|^.{0,40}关于[^《》]{2,80}(实施意见|意见|方案|工作要点|计划|安排|规划)$/u;
const PLAN_TITLE_END = /(要点|计划|方案|安排|意见|办法|规划|重点|任务|任务清单|清单|部署|工作要点|实施细则)$/u;
/** What may follow the plan word in a title: （2024—2026年）, （试行）, 范文, 草案, （征求意见稿）. */
const TITLE_SUFFIX = /(?:[（(][^（）()]{1,16}[)）]|范文|草案|征求意见稿|送审稿|讨论稿)$/u;
const SENTENCE_PUNCT = /[。，,；;：:！？!?]/u;

export function isNoticeTitle(line: string): boolean {
  return line.length <= 160 && !/[。]/.test(line) && NOTICE_TITLE.test(line);
}

/** A short line with no sentence punctuation that names a plan (2020年全市安全生产工作要点). */
export function isPlanTitle(line: string): boolean {
  if (line.length < 4 || line.length > 80 || matchItem(line)) return false;
  let core = line.trim();
  for (let i = 0; i < 3 && TITLE_SUFFIX.test(core); i++) core = core.replace(TITLE_SUFFIX, '');
  return !SENTENCE_PUNCT.test(core) && PLAN_TITLE_END.test(core) && !/^(根据|为了?|按照|结合)/u.test(core);
}

/** A signature line: an issuer's name, short, no punctuation. */
export function isSignerLine(line: string): boolean {
  return (
    line.length >= 3 &&
    line.length <= 40 &&
    !SENTENCE_PUNCT.test(line) &&
    !/\d/.test(line) &&
    /(政府|委员会|办公室|委|局|厅|部|办|会|中心|指挥部|公司|管委会|街道|镇|乡|院|署|处|队)$/u.test(line)
  );
}

/** （此件公开发布） / 附注：… / （此件依申请公开） */
export function isNoteLine(line: string): boolean {
  return /^[（(]\s*(此件|本件|此文|本文)[^）)]{0,30}[)）]$/u.test(line) || /^附注[:：]/u.test(line);
}

/** Addressee lists: split on 、 ， , ; keep 各乡(镇)人民政府 whole. */
export function splitAddressees(line: string): string[] {
  return splitTopLevel(line.replace(/[:：]\s*$/u, ''), '、，,；;')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isAddresseeLine(line: string): boolean {
  return /[:：]$/u.test(line) && line.length <= 300 && !matchItem(line) && !/[。]/.test(line);
}

export function cleanTitle(s: string): string {
  return squeezeCjkSpaces(s);
}

/** The 《…》 inside a notice title. */
export function quotedTitle(noticeTitle: string): string | undefined {
  const m = /《([^》]+)》/u.exec(noticeTitle);
  return m ? cleanTitle(m[1]!) : undefined;
}

/** The issuing body at the start of a notice title (滕州市安全生产委员会关于…). */
export function issuerFromNoticeTitle(noticeTitle: string): string | undefined {
  const m = /^(.{2,40}?)关于/u.exec(noticeTitle);
  return m ? m[1] : undefined;
}

export function yearOf(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /((?:19|20)\d{2})\s*年/u.exec(s);
  return m ? Number(m[1]) : undefined;
}

export { parseDate, type DateParse };
