// The importer's findings (PlanDocument.warnings) in the 校对 panel, re-evaluated against the
// document as it is now (issue 18). Each warning is anchored to what it is about:
//   - a metadata field (path meta/year, meta/title, meta/docNumber, meta/writtenDate, …): shown
//     while the field still holds the value it had when the importer wrote the warning — a
//     warning about the year goes once the year is changed, and the import preview drops it
//     when a person gives the year there (confirmWarnings);
//   - a node (nodeId, or for files from before ids its path): shown while the node is there
//     and the field the warning is about (its units for units-paren-unclosed, otherwise its
//     title and text) is unchanged — gone with the task, or once the drafter fixed it;
//   - the metadata or the notice as a whole (path meta, notice): shown until dismissed;
//   - the import as a whole (path body: 已将 N 处半角标点改为全角, pages cut): shown in the
//     import preview only, as before.
// The value is kept as a fingerprint (`value`, a short hash; punctuation width and spaces do
// not count, so fixing them does not count as fixing the finding). anchorImportWarnings()
// adds it once — by the importer, and for plans saved before issue 18 when they are opened
// (the editor then saves the anchored warnings) — so later edits do not move the anchor.
import type { PlanDocument, PlanMeta, PlanWarning } from '../plan/schema';
import { check, nameOf, shortHash, type Ctx } from './context';
import { fullWidthPunctuation } from './punctuation';
import type { CarriedWarning, Check } from './types';
import { nodeAtPath } from '../plan/paths';
import { indexById } from '../plan/ids';

/** Recomputed from the blocks by the checks themselves, so not carried. */
const RECOMPUTED = new Set(['title-long', 'units-missing']);

/** Metadata fields a warning can be about (its path is meta/<field>). */
const META_FIELDS = ['year', 'title', 'issuer', 'docNumber', 'writtenDate', 'publishDate', 'addressees'] as const;
export type WarningMetaField = (typeof META_FIELDS)[number];

/** Punctuation width and spaces do not count: fixing them must not lose the finding. */
function norm(s: string): string {
  return fullWidthPunctuation(s).text.replace(/\s+/g, '');
}

function fingerprint(s: string): string {
  return shortHash(norm(s));
}

/** The metadata field a warning is about, from its path ("meta/year"), or null. */
export function warningMetaField(w: Pick<PlanWarning, 'path'>): WarningMetaField | null {
  const m = /^meta\/(\w+)$/.exec(w.path ?? '');
  return m && (META_FIELDS as readonly string[]).includes(m[1]!) ? (m[1] as WarningMetaField) : null;
}

function metaValue(meta: PlanMeta, field: WarningMetaField): string {
  const v = meta[field];
  return Array.isArray(v) ? v.join('、') : v === undefined ? '' : String(v);
}

/** What nodeValue reads of a body node or a flat block. */
interface NodeFields {
  title?: string;
  text?: string;
  unitsText?: string;
  lead?: string[];
  support?: string[];
}

/** The part of a node a warning is about: a task's units, or its title and text. */
function nodeValue(code: string, n: NodeFields): string {
  if (code === 'units-paren-unclosed') return n.unitsText ?? [...(n.lead ?? []), ...(n.support ?? [])].join('、');
  return `${n.title ?? ''}\n${n.text ?? ''}`;
}

/** Old (before issue 18) wording of the year warning: "未识别到计划年份，已暂定为2026年，请核对". */
const OLD_YEAR_PLACEHOLDER = /已暂定为(\d{4})年/;

/**
 * The warnings with their anchors: `value` (and, by path, `nodeId`) added to those that have
 * none yet, from the document as it is now. Pure; returns new objects. `stored`: the plan was
 * saved without anchors (before issue 18); then a year warning without a placeholder year
 * in its wording is left out — it asked for the year in the import preview, and the plan could
 * only be stored once a person gave it.
 */
export function anchorImportWarnings(doc: Pick<PlanDocument, 'body' | 'warnings' | 'meta'>, opts: { stored?: boolean } = {}): PlanWarning[] {
  const out: PlanWarning[] = [];
  const byId = doc.warnings.some((w) => w.nodeId) ? indexById(doc.body) : null;
  for (const w of doc.warnings) {
    if (w.value !== undefined || RECOMPUTED.has(w.code)) {
      out.push(w);
      continue;
    }
    const field = warningMetaField(w);
    if (field) {
      if (field === 'year' && w.code === 'no-year') {
        const old = OLD_YEAR_PLACEHOLDER.exec(w.message);
        if (old) {
          out.push({ ...w, value: fingerprint(old[1]!) });
          continue;
        }
        if (opts.stored) continue; // asked for in the preview: a person gave the year
      }
      out.push({ ...w, value: fingerprint(metaValue(doc.meta, field)) });
      continue;
    }
    if (!w.path?.startsWith('body/')) {
      out.push(w);
      continue;
    }
    const node = w.nodeId ? (byId?.get(w.nodeId)?.node ?? null) : nodeAtPath(doc.body, w.path);
    if (!node) continue; // the node is gone already
    out.push({ ...w, ...(node.id && !w.nodeId ? { nodeId: node.id } : {}), value: fingerprint(nodeValue(w.code, node)) });
  }
  return out;
}

/**
 * Drops the warnings about metadata fields a person has given or confirmed (the year typed in
 * the import preview, `--year` of the CLI): they are resolved even when the value happens to
 * equal the importer's placeholder.
 */
export function confirmWarnings(warnings: readonly PlanWarning[], fields: readonly WarningMetaField[]): PlanWarning[] {
  return warnings.filter((w) => {
    const f = warningMetaField(w);
    return !f || !fields.includes(f);
  });
}

/** The anchored warnings the checks evaluate (see CheckInput.carried), of a stored plan. */
export function carryImportWarnings(doc: Pick<PlanDocument, 'body' | 'warnings' | 'meta'>): CarriedWarning[] {
  const out: CarriedWarning[] = [];
  for (const w of anchorImportWarnings(doc, { stored: true })) {
    if (RECOMPUTED.has(w.code)) continue;
    const field = warningMetaField(w);
    if (field) out.push({ code: w.code, message: w.message, anchor: { meta: field, value: w.value ?? '' } });
    else if (w.path === 'body')
      continue; // about the import as a whole (已将 N 处半角标点改为全角): the preview showed it
    else if (w.path?.startsWith('body/')) {
      // Files from before ids: the node found by path when anchored; match it by its title.
      const node = w.nodeId ? indexById(doc.body).get(w.nodeId)?.node : nodeAtPath(doc.body, w.path);
      if (!node || (!w.nodeId && !node.id && node.type === 'paragraph')) continue;
      const title = node.type === 'paragraph' ? '' : node.title;
      out.push({ code: w.code, message: w.message, anchor: { title, value: w.value ?? '', ...(node.id ? { nodeId: node.id } : {}) } });
    } else out.push({ code: w.code, message: w.message, anchor: null });
  }
  return out;
}

export function carriedChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const w of ctx.input.carried ?? []) {
    const anchor = w.anchor;
    if (!anchor) {
      out.push(check(`import-${w.code}`, 'warning', null, w.message, `导入提示：${w.message}`, { field: 'meta' }));
      continue;
    }
    if ('meta' in anchor) {
      if (fingerprint(metaValue(ctx.input.meta, anchor.meta)) !== anchor.value) continue; // changed since the import
      out.push(check(`import-${w.code}`, 'warning', null, w.message, `导入提示：${w.message}`, { field: 'meta' }));
      continue;
    }
    // By the node's id; blocks without ids (plain block lists) by the title.
    const title = norm(anchor.title);
    const i = ctx.blocks.findIndex((b) => (anchor.nodeId && b.id ? b.id === anchor.nodeId : b.type !== 'paragraph' && norm(b.title) === title));
    if (i < 0) continue; // the node is gone
    if (fingerprint(nodeValue(w.code, ctx.blocks[i]!)) !== anchor.value) continue; // edited since the import: dealt with
    if (w.code === 'units-paren-unclosed') {
      out.push(
        check(
          'units-paren-unclosed',
          'warning',
          i,
          // The id hashes the units as imported (= as now, or it would not be shown).
          nodeValue(w.code, ctx.blocks[i]!),
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
