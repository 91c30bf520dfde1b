// 发文字号 (文号) rules from GB/T 9704-2012 7.2.4: 机关代字 + 〔year〕 + serial + 号, the year in
// 六角括号, no "第", no leading zeros, e.g. 滕安发〔2020〕3号.

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
  // Full-width digits → half-width.
  rest = rest.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
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
