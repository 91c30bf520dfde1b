// 校对: every check over a plan's metadata and flat blocks, for the editor's checks panel.
// Pure and synchronous; a 400-task plan takes a few tens of milliseconds.
import { makeCtx } from './context';
import { carriedChecks } from './carried';
import { flagChecks } from './flags';
import { garbledChecks, pinyinChecks } from './garbled';
import { docNumberChecks } from './doc-number';
import { duplicateTaskChecks } from './duplicates';
import { punctuationChecks } from './punctuation';
import { emptySectionChecks } from './sections';
import { titleChecks } from './title';
import { duplicateUnitChecks, missingUnitChecks, parenChecks } from './units';
import { yearChecks } from './years';
import type { Check, CheckInput } from './types';
import { bodyToBlocks } from '../plan/flat';
import type { PlanDocument } from '../plan/schema';
import { carryImportWarnings } from './carried';

export type { CarriedWarning, Check, CheckInput, Fix, MetaPatch, Severity } from './types';
export { anchorImportWarnings, carryImportWarnings, confirmWarnings, type WarningMetaField } from './carried';
export { fullWidthPunctuation } from './punctuation';
export { findPinyin } from './garbled';
export { periodOf, periodYears } from './years';
export { similarity } from './duplicates';
export { groupChecks, kindOf, type CheckGroup } from './groups';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * A finding's id names its block by node id (code:nodeId:hash; shared/plan/ids.ts), so a
 * dismissal follows the block through moves and inserts above it, and never passes to
 * another block that happens to show the same words. Blocks without an id (tests, plain
 * block lists) keep the index.
 */
function withNodeId(c: Check, blocks: CheckInput['blocks']): Check {
  if (c.blockIndex === null) return c;
  const id = blocks[c.blockIndex]?.id;
  if (!id) return c;
  const first = c.id.indexOf(':');
  const last = c.id.lastIndexOf(':');
  if (first < 0 || last <= first) return c;
  return { ...c, id: `${c.id.slice(0, first)}:${id}${c.id.slice(last)}` };
}

/**
 * Runs every check. Result order: document order (metadata first), then severity. Dismissed
 * checks are left out.
 */
export function runChecks(input: CheckInput): Check[] {
  const ctx = makeCtx(input);
  const all: Check[] = [
    ...docNumberChecks(ctx),
    ...carriedChecks(ctx),
    ...flagChecks(ctx),
    ...titleChecks(ctx),
    ...parenChecks(ctx),
    ...missingUnitChecks(ctx),
    ...duplicateUnitChecks(ctx),
    ...punctuationChecks(ctx),
    ...pinyinChecks(ctx),
    ...garbledChecks(ctx),
    ...yearChecks(ctx),
    ...emptySectionChecks(ctx),
    ...duplicateTaskChecks(ctx),
  ];
  // Units found in the body text already say the task has units.
  const unitsInText = new Set(
    all.filter((c) => c.code === 'units-in-text' || (c.code === 'units-paren-unclosed' && c.field === 'text')).map((c) => c.blockIndex),
  );
  const seen = new Set<string>();
  const dismissed = new Set(input.dismissed ?? []);
  const out = all
    .map((c) => withNodeId(c, input.blocks))
    .filter((c) => {
      if (c.code === 'units-missing' && unitsInText.has(c.blockIndex)) return false;
      if (seen.has(c.id)) return false;
      seen.add(c.id);
      return !dismissed.has(c.id);
    });
  return out.sort((a, b) => (a.blockIndex ?? -1) - (b.blockIndex ?? -1) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Where a finding is, for lists outside the editor (the CLI): the block's label and title. */
export interface CheckPlace {
  kind: 'meta' | 'heading' | 'task' | 'paragraph';
  /** "14." "（三）" "二、"; "" for paragraphs and metadata. */
  label: string;
  /** The title (a paragraph's text), clipped. */
  excerpt: string;
}

export interface PlacedCheck extends Check {
  place: CheckPlace;
}

function clipExcerpt(s: string, n = 20): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/**
 * The checks of a whole plan document, as the editor's 校对 panel shows them when the plan is
 * opened (its blocks, the importer's findings carried over, rollover flags, dismissals), each
 * with its place.
 */
export function checkPlan(doc: PlanDocument): PlacedCheck[] {
  const blocks = bodyToBlocks(doc.body);
  const input: CheckInput = {
    meta: doc.meta,
    blocks,
    numbering: doc.numbering,
    dismissed: doc.dismissedChecks ?? [],
    carried: carryImportWarnings(doc),
    ...(doc.flags ? { flags: doc.flags } : {}),
  };
  const { labels } = makeCtx(input);
  return runChecks(input).map((c) => {
    const b = c.blockIndex === null ? undefined : blocks[c.blockIndex];
    const place: CheckPlace = !b
      ? { kind: 'meta', label: '', excerpt: '' }
      : b.type === 'paragraph'
        ? { kind: 'paragraph', label: '', excerpt: clipExcerpt(b.text) }
        : { kind: b.type, label: labels.get(c.blockIndex!) ?? '', excerpt: clipExcerpt(b.title) };
    return { ...c, place };
  });
}
