// 文号 (发文字号) by the GB/T 9704 rules, through the exporter's checkDocNumber, and the plan's
// own year against its title and dates.
import { checkDocNumber } from '../text/doc-number';
import { check, type Ctx } from './context';
import type { Check } from './types';

export function docNumberChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  const meta = ctx.input.meta;
  const dn = meta.docNumber;
  if (dn !== undefined && dn.trim() !== '') {
    const r = checkDocNumber(dn);
    if (!r.ok) {
      const message = `文号“${dn}”不符合公文格式：${r.problems.join('；')}${r.corrected ? `。应为“${r.corrected}”` : ''}`;
      out.push(
        check('doc-number', 'error', null, dn, message, {
          field: 'meta',
          ...(r.corrected ? { fix: { label: `改为“${r.corrected}”`, blockIndex: null, patch: { meta: { docNumber: r.corrected } } } } : {}),
        }),
      );
    } else {
      // 文号 carries the year of signing (成文日期).
      const y = /〔(\d{4})〕/.exec(dn)?.[1];
      const written = meta.writtenDate?.slice(0, 4);
      if (y && written && y !== written) {
        out.push(
          check('doc-number-year', 'warning', null, `${dn}|${written}`, `文号“${dn}”中的年份与成文日期（${meta.writtenDate}）的年份不一致`, {
            field: 'meta',
          }),
        );
      }
    }
  }

  // The plan's title names another year than the plan's year: a rolled-over draft not updated.
  for (const [key, name] of [
    ['title', '计划标题'],
    ['noticeTitle', '通知标题'],
  ] as const) {
    const t = meta[key];
    if (!t) continue;
    const m = /((?:19|20|21)\d{2})年/.exec(t);
    if (m && Number(m[1]) !== meta.year) {
      const fixed = t.replace(m[0], `${meta.year}年`);
      out.push(
        check('meta-year', 'warning', null, `${key}|${t}`, `${name}“${t}”中的年份 ${m[1]} 与计划年度 ${meta.year} 不一致`, {
          field: 'meta',
          fix: { label: `改为“${meta.year}年”`, blockIndex: null, patch: { meta: { [key]: fixed } } },
        }),
      );
    }
  }
  return out;
}
