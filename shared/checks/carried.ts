// Importer findings that the blocks can no longer show. The importer repairs a units
// parenthetical whose opening bracket the page lost (滕州 task 13) and keeps the evidence only
// in PlanDocument.warnings, addressed by a tree path that goes stale as soon as the drafter
// moves anything. carryImportWarnings() anchors each finding to its task's title (and units
// text) once, when the imported document is opened; runChecks() finds the task again by that
// anchor, so the finding follows the task and disappears when the drafter edits the units.
import type { PlanDocument } from '../plan/schema';
import { check, nameOf, type Ctx } from './context';
import { fullWidthPunctuation } from './punctuation';
import type { CarriedWarning, Check } from './types';
import { nodeAtPath } from '../plan/paths';
import { indexById } from '../plan/ids';

/** Recomputed from the blocks by the checks themselves, so not carried. */
const RECOMPUTED = new Set(['title-long', 'units-missing']);

/** The importer's warnings, anchored to their tasks; call once on the freshly imported plan. */
export function carryImportWarnings(doc: Pick<PlanDocument, 'body' | 'warnings'>): CarriedWarning[] {
  const out: CarriedWarning[] = [];
  for (const w of doc.warnings) {
    if (RECOMPUTED.has(w.code)) continue;
    if (!w.path || !w.path.startsWith('body')) {
      out.push({ code: w.code, message: w.message, anchor: null });
      continue;
    }
    // By the node's id (issue 14): the path describes the document as imported and goes
    // stale once anything moves; only warnings from before ids fall back to it.
    const node = w.nodeId ? (indexById(doc.body).get(w.nodeId)?.node ?? null) : nodeAtPath(doc.body, w.path);
    if (!node || node.type === 'paragraph') continue;
    const id = node.id ? { nodeId: node.id } : {};
    out.push({
      code: w.code,
      message: w.message,
      anchor: node.type === 'task' && node.unitsText !== undefined ? { title: node.title, unitsText: node.unitsText, ...id } : { title: node.title, ...id },
    });
  }
  return out;
}

/** Punctuation width and spaces do not count: fixing them must not lose the finding. */
function norm(s: string): string {
  return fullWidthPunctuation(s).text.replace(/\s+/g, '');
}

export function carriedChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const w of ctx.input.carried ?? []) {
    if (!w.anchor) {
      out.push(check(`import-${w.code}`, 'warning', null, w.message, `导入提示：${w.message}`, { field: 'meta' }));
      continue;
    }
    const anchor = w.anchor;
    const title = norm(anchor.title);
    const units = anchor.unitsText === undefined ? undefined : norm(anchor.unitsText);
    const i = ctx.blocks.findIndex(
      (b) =>
        b.type !== 'paragraph' &&
        (!anchor.nodeId || !b.id || b.id === anchor.nodeId) &&
        norm(b.title) === title &&
        (units === undefined || (b.type === 'task' && b.unitsText !== undefined && norm(b.unitsText) === units)),
    );
    if (i < 0) continue; // edited since the import: the drafter has dealt with it
    if (w.code === 'units-paren-unclosed') {
      out.push(
        check(
          'units-paren-unclosed',
          'warning',
          i,
          anchor.unitsText ?? anchor.title,
          `${nameOf(ctx, i)}的责任单位括号在原文中不完整（导入时已补全），请对照原件核对责任单位`,
          {
            field: 'units',
          },
        ),
      );
    } else {
      out.push(check(`import-${w.code}`, 'warning', i, w.message, `${nameOf(ctx, i)}：导入提示：${w.message}`));
    }
  }
  return out;
}
