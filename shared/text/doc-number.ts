// 发文字号 (文号) rules from GB/T 9704-2012 7.2.4: 机关代字 + 〔year〕 + serial + 号, the year in
// 六角括号, no "第", no leading zeros, e.g. 滕安发〔2020〕3号.
import { HAN } from './han';
import { halfWidthDigits } from './punctuation';

export interface DocNumberCheck {
  ok: boolean;
  /** The number written by the rules, when it differs from the input and could be repaired. */
  corrected?: string;
  /** What is wrong, in Chinese, one line each. */
  problems: string[];
}

// Brackets people type for 〔〕: ASCII, full-width round/square, 【】, 〖〗, ﹝﹞, ［］, 〈〉.
const YEAR_IN_BRACKETS = /[\[(（【〖﹝［〔〈<]\s*((?:19|20|21)\d{2})\s*[\])）】〗﹞］〕〉>]/;
const BARE_YEAR = /((?:19|20|21)\d{2})/;

/** Checks a 文号 and proposes the corrected form. */
export function checkDocNumber(input: string): DocNumberCheck {
  const problems: string[] = [];
  const s = input.trim();
  if (!s) return { ok: false, problems: ['文号为空'] };
  let out = s.replace(/\s+/g, '');
  if (out !== s) problems.push('文号中不应有空格');

  const bracketed = YEAR_IN_BRACKETS.exec(out);
  if (bracketed) {
    if (!bracketed[0].startsWith('〔') || !bracketed[0].endsWith('〕')) {
      problems.push(`年份应使用六角括号〔〕，不应使用“${bracketed[0][0]}${bracketed[0].slice(-1)}”`);
    }
    out = out.slice(0, bracketed.index) + `〔${bracketed[1]}〕` + out.slice(bracketed.index + bracketed[0].length);
  } else {
    const bare = BARE_YEAR.exec(out);
    if (!bare) {
      return { ok: false, problems: [...problems, '文号中缺少四位年份，如“〔2021〕”'] };
    }
    problems.push('年份应写在六角括号〔〕内');
    out = out.slice(0, bare.index) + `〔${bare[1]}〕` + out.slice(bare.index + bare[0].length);
  }

  const close = out.indexOf('〕');
  const prefix = out.slice(0, out.indexOf('〔'));
  let rest = out.slice(close + 1);
  if (!prefix) problems.push('文号缺少机关代字，如“滕安发”');

  if (/^第/.test(rest)) {
    problems.push('文号中不应有“第”字');
    rest = rest.slice(1);
  }
  rest = halfWidthDigits(rest);
  const serial = /^(\d+)(.*)$/.exec(rest);
  if (!serial) {
    problems.push('文号缺少序号，如“3号”');
    return { ok: false, problems };
  }
  let digits = serial[1]!;
  let tail = serial[2]!;
  if (/^0\d/.test(digits)) {
    problems.push('序号不应编虚位（如“003”应写作“3”）');
    digits = String(Number(digits));
  }
  if (digits === '0') problems.push('序号不能为 0');
  if (tail !== '号') {
    if (!tail.startsWith('号')) {
      problems.push('文号应以“号”结尾');
      tail = '号';
    } else {
      problems.push('“号”字后不应再有文字');
      tail = '号';
    }
  }
  const corrected = `${prefix}〔${out.slice(out.indexOf('〔') + 1, close)}〕${digits}${tail}`;
  const ok = problems.length === 0;
  return ok ? { ok, problems } : { ok, problems, ...(corrected !== s && prefix ? { corrected } : {}) };
}

/**
 * The year brackets of a 文号 as the standard writes them: 滕安发[2020]3号 / （2020） / 【2020】 /
 * ﹝2020﹞ → 〔2020〕; spaces out. The only place that knows the bracket variants (import and
 * the checks both use it through YEAR_IN_BRACKETS).
 */
export function normaliseDocNumberBrackets(s: string): string {
  const t = s.replace(/\s+/g, '');
  const m = YEAR_IN_BRACKETS.exec(t);
  return m ? t.slice(0, m.index) + `〔${m[1]}〕` + t.slice(m.index + m[0].length) : t;
}

const OPEN = '[\\[(（【〖﹝［〔]';
const CLOSE = '[\\])）】〗﹞］〕]';
/** A whole 文号 somewhere in a line: 机关代字 (may be absent) + bracketed year + serial + 号. */
const DOC_NUMBER_IN_TEXT = new RegExp(`([${HAN}]{0,16})${OPEN}\\s*((?:19|20)\\d{2})\\s*${CLOSE}\\s*第?\\s*(\\d{1,4})\\s*号`, 'u');
/** A 文号 whose closing bracket and 号 the page lost: 安委〔20161 → 安委〔2016〕1号. */
const GARBLED_DOC_NUMBER = new RegExp(`^([${HAN}]{1,16})${OPEN}\\s*((?:19|20)\\d{2})(\\d{1,3})$`, 'u');

export interface FoundDocNumber {
  /** The number as the standard writes it. */
  value: string;
  /** Where it stands in the input. */
  index: number;
  length: number;
  /** The page lost part of it and it was read back (with the year it was checked against). */
  repaired?: string;
}

/** Finds a 文号 in a line of text (a title line, a line of its own, a bracket after a title). */
export function findDocNumber(line: string): FoundDocNumber | null {
  const m = DOC_NUMBER_IN_TEXT.exec(line);
  if (!m) return null;
  // A 机关代字 ends where the Chinese before the bracket stops being a code: take at most the
  // characters after the last 》 or 的 (…的通知 沪安委〔2012〕1号).
  let prefix = m[1]!;
  const cut = Math.max(prefix.lastIndexOf('知'), prefix.lastIndexOf('》'));
  if (cut >= 0) prefix = prefix.slice(cut + 1);
  const start = m.index + (m[1]!.length - prefix.length);
  return { value: `${prefix}〔${m[2]}〕${Number(m[3])}号`, index: start, length: m.index + m[0].length - start };
}

/**
 * A line that is only a damaged 文号 ("安委〔20161"): read back as 安委〔2016〕1号 only when the
 * year agrees with `expectedYear` (from the title or the date) — otherwise null.
 */
export function repairDocNumber(line: string, expectedYear: number | undefined): FoundDocNumber | null {
  const m = GARBLED_DOC_NUMBER.exec(line.replace(/\s+/g, ''));
  if (!m || expectedYear === undefined || Number(m[2]) !== expectedYear) return null;
  return { value: `${m[1]}〔${m[2]}〕${Number(m[3])}号`, index: 0, length: line.length, repaired: line.trim() };
}
