// Responsible units: tasks without any unit or without a lead among several, a units
// parenthetical with a lost bracket, units typed into the body text, the same unit twice.
import { bracketsBalanced, isCloser, isOpener } from '../import/brackets';
import { extractUnits, parseUnits } from '../import/units';
import { check, nameOf, tasks, unitsOf, type Ctx, type TaskBlock } from './context';
import type { Check, Fix } from './types';

function hasUnits(t: TaskBlock): boolean {
  return unitsOf(t).length > 0 || !!t.unitsText?.trim();
}

export function missingUnitChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  const all = tasks(ctx.blocks);
  if (!all.length) return out;
  const withUnits = all.filter(([t]) => hasUnits(t));
  if (withUnits.length === 0) {
    // A plan whose tasks name no unit at all (a bureau's own plan, or a fresh draft): one
    // reminder, not one per task.
    const [, first] = all[0]!;
    out.push(
      check('units-none', 'info', first, String(all.length), `全部 ${all.length} 项任务都没有列出责任单位；如本计划需要分工，请为任务填写牵头单位和负责单位`, {
        field: 'units',
      }),
    );
    return out;
  }
  // Most tasks name their units: a task without any stands out. Otherwise the plan is a fresh
  // draft or lists units elsewhere, and the reminder is only information.
  const severity = withUnits.length * 2 >= all.length ? 'warning' : 'info';
  // Plans that write 牵头 for most multi-unit tasks expect one; plans written as “X负责” do not.
  const multi = withUnits.filter(([t]) => unitsOf(t).length >= 2);
  const usesLead = multi.length > 0 && multi.filter(([t]) => t.lead.length > 0).length * 2 >= multi.length;
  let defaultNote: string | null = null;
  for (const [t, i] of all) {
    const name = nameOf(ctx, i);
    if (!hasUnits(t)) {
      // A default stated earlier (以下任务……负责落实，不再一一列出) covers the task; a task
      // with neither text nor units is reported as task-empty instead.
      if (defaultNote === null && t.text.trim()) {
        out.push(check('units-missing', severity, i, t.title, `${name}没有责任单位（牵头单位或负责单位）`, { field: 'units' }));
      }
    } else if (usesLead && t.lead.length === 0 && t.support.length >= 2) {
      out.push(check('lead-missing', 'info', i, t.support.join('、'), `${name}列出了 ${t.support.length} 个负责单位，但没有牵头单位`, { field: 'units' }));
    }
    if (t.unitsNote?.trim()) defaultNote = t.unitsNote;
  }
  return out;
}

/** Strips one lost bracket at either end of a units text: "（市应急局负责" → "市应急局负责". */
function repairEnds(s: string): string | null {
  let t = s.trim();
  if (t && isOpener(t[0]!) && !bracketsBalanced(t)) t = t.slice(1);
  if (t && isCloser(t[t.length - 1]!) && !bracketsBalanced(t)) t = t.slice(0, -1);
  return bracketsBalanced(t) && t !== s ? t.trim() : null;
}

/** Moves a units parenthetical found at the end of the body into the task's units. */
function moveUnitsFix(i: number, body: string, unitsText: string): Fix {
  const u = parseUnits(unitsText);
  const patch: Partial<TaskBlock> = { text: body, unitsText, lead: u.lead, support: u.support };
  if (u.note) patch.unitsNote = u.note;
  return { label: '移入责任单位', blockIndex: i, patch };
}

export function parenChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const [t, i] of tasks(ctx.blocks)) {
    const name = nameOf(ctx, i);
    const ut = t.unitsText;
    if (ut && !bracketsBalanced(ut)) {
      const repaired = repairEnds(ut);
      out.push(
        check('units-paren-unclosed', 'error', i, ut, `${name}的责任单位括号不完整（缺少配对的括号）`, {
          field: 'units',
          ...(repaired !== null ? { fix: { label: '去掉多余的括号', blockIndex: i, patch: { unitsText: repaired } } } : {}),
        }),
      );
    }
    const ex = extractUnits(t.text);
    if (ex && ex.unitsText) {
      const has = hasUnits(t);
      if (ex.incomplete) {
        out.push(
          check('units-paren-unclosed', 'error', i, ex.unitsText, `${name}的正文末尾是责任单位，但括号不完整${has ? '（该任务已另有责任单位，请核对）' : ''}`, {
            field: 'text',
            ...(has ? {} : { fix: moveUnitsFix(i, ex.body, ex.unitsText) }),
          }),
        );
      } else if (!has) {
        out.push(
          check('units-in-text', 'warning', i, ex.unitsText, `${name}的责任单位写在了正文里（“（${ex.unitsText}）”）`, {
            field: 'text',
            fix: moveUnitsFix(i, ex.body, ex.unitsText),
          }),
        );
      }
    }
  }
  return out;
}

export function duplicateUnitChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const [t, i] of tasks(ctx.blocks)) {
    const seen = new Set<string>();
    const dups: string[] = [];
    const keep = (list: string[]) =>
      list.filter((u) => {
        const k = u.trim();
        if (!k) return true;
        if (seen.has(k)) {
          if (!dups.includes(k)) dups.push(k);
          return false;
        }
        seen.add(k);
        return true;
      });
    const lead = keep(t.lead);
    const support = keep(t.support);
    if (!dups.length) continue;
    out.push(
      check('units-duplicate', 'warning', i, dups.join('、'), `${nameOf(ctx, i)}的责任单位中“${dups.join('”“')}”重复出现`, {
        field: 'units',
        fix: { label: '删除重复的单位', blockIndex: i, patch: { lead, support } },
      }),
    );
  }
  return out;
}
