// Who sent a returned file back: the 提出单位 proposed for it, from the document's authors
// (“县住建局”, or “王五（县住建局）” — a person with the unit in brackets) or its file name
// (县住建局反馈.docx, 要点（征求意见稿）-县住建局.docx). Names are judged by the one unit-name
// rule of the importer (looksLikeUnitName) and, first, against the units the library knows.
import { looksLikeUnitName } from '../import/units';

/**
 * The author a comment or suggestion of ours carries in the draft for opinion (Word needs one):
 * a person with a unit as “王五（县住建局）”, which splitAuthor reads back as the two; the unit
 * alone, or the person alone, as it is; an author already written with its unit stays as it is.
 */
export function exportedAuthor(author: string | undefined, unit: string | undefined): string {
  const a = author?.trim() ?? '';
  const u = unit?.trim() ?? '';
  if (a && u && a !== u && splitAuthor(a).unit !== u) return `${a}（${u}）`;
  return a || u || '审阅人';
}

/** A Word author split into the person and the unit: “王五（县住建局）” → 王五 / 县住建局; “县教育局” → unit only. */
export function splitAuthor(author: string): { name: string; unit: string } {
  const a = author.trim();
  const m = /^(.+?)\s*[（(]([^（）()]+)[）)]$/u.exec(a);
  if (m && looksLikeUnitName(m[2]!)) return { name: m[1]!.trim(), unit: m[2]!.trim() };
  const m2 = /^([^（）()]+)[（(](.+?)[）)]$/u.exec(a);
  if (m2 && looksLikeUnitName(m2[1]!)) return { name: m2[2]!.trim(), unit: m2[1]!.trim() };
  return looksLikeUnitName(a) ? { name: '', unit: a } : { name: a, unit: '' };
}

/**
 * Who an imported comment or suggestion is from: the person and the unit of its author
 * (“王五（县住建局）” → 王五 / 县住建局); an author that is a unit stays the author; without a
 * unit in the author, the file's 提出单位.
 */
export function importedPerson(author: string, fileUnit: string): { author: string; unit: string } {
  const { name, unit } = splitAuthor(author);
  return { author: name || author.trim(), unit: unit || fileUnit };
}

/** Words around a unit's name in a returned file's name. */
const FILE_NOISE =
  /(?:征求意见稿|征求意见|反馈意见|修改意见|意见建议|审核意见|反馈稿|修改稿|修订稿|反馈|意见|修改|修订|回复|返回|回执|汇总|定稿|已阅|签章|盖章|最终版|终稿|\d+)$/u;
const CUT_BEFORE = /对|关于|就|的(?:意见|反馈|修改)/u;

/** The unit a file name names, or ''. `known`: unit names the library knows (longest first wins). */
export function unitFromFileName(fileName: string, known: readonly string[] = []): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim();
  const hits = known.filter((u) => u.length >= 3 && base.includes(u)).sort((a, b) => b.length - a.length);
  if (hits[0]) return hits[0];
  for (const piece of base.split(/[-_—–\s（）()【】[\]〔〕、，,.·+]+/u)) {
    let t = piece.split(CUT_BEFORE)[0]!.trim();
    for (let shorter = t.replace(FILE_NOISE, ''); shorter !== t; shorter = t.replace(FILE_NOISE, '')) t = shorter;
    if (looksLikeUnitName(t)) return t;
  }
  return '';
}

/**
 * The 提出单位 to propose for a returned file: the one unit its authors name (a unit as author,
 * or a person with the unit in brackets), else the unit its file name names, else ''.
 */
export function proposeSender(fileName: string, authors: readonly string[], known: readonly string[] = []): string {
  const units = [...new Set(authors.map((a) => splitAuthor(a).unit).filter(Boolean))];
  if (units.length === 1) return units[0]!;
  return unitFromFileName(fileName, known);
}
