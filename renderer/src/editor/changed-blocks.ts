// Which top-level blocks a transaction touched, so plugins can redo only those.
import type { Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';

/** Ranges [from, to) of the new document that the transaction's steps wrote. */
export function changedRanges(tr: Transaction): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  tr.mapping.maps.forEach((map, i) => {
    const rest = tr.mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      out.push([rest.map(newStart, -1), rest.map(newEnd, 1)]);
    });
  });
  return out;
}

/** Start positions and nodes of the top-level blocks overlapping the changed ranges. */
export function touchedBlocks(tr: Transaction): Array<{ pos: number; index: number }> {
  const doc = tr.doc;
  const seen = new Set<number>();
  const out: Array<{ pos: number; index: number }> = [];
  for (const [from, to] of changedRanges(tr)) {
    const a = Math.max(0, Math.min(from, doc.content.size));
    const b = Math.max(a, Math.min(to, doc.content.size));
    let index = doc.resolve(a).index(0);
    let pos = 0;
    for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
    // Include the block ending at `a` when the change sits on its boundary.
    if (index > 0 && pos === a) {
      index--;
      pos -= doc.child(index).nodeSize;
    }
    while (index < doc.childCount && pos <= b) {
      if (!seen.has(index)) {
        seen.add(index);
        out.push({ pos, index });
      }
      pos += doc.child(index).nodeSize;
      index++;
    }
  }
  return out;
}

/** True when every change stays inside one top-level block (typing, not restructuring). */
export function changesInsideBlocks(tr: Transaction): boolean {
  const doc = tr.doc;
  for (const [from, to] of changedRanges(tr)) {
    if (from < 0 || to > doc.content.size) return false;
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    if ($from.depth < 1 || $to.depth < 1 || $from.index(0) !== $to.index(0)) return false;
  }
  return true;
}

/**
 * True when every step only replaces text inside one textblock (typing, deleting a character,
 * IME input): no block is added, removed, re-typed or given other attributes.
 */
export function onlyTextEdits(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd) return false;
    let inline = true;
    step.slice.content.forEach((n) => (inline &&= n.isInline));
    if (!inline) return false;
    const doc = tr.docs[i]!;
    const $from = doc.resolve(step.from);
    return $from.parent.inlineContent && step.to <= $from.end();
  });
}
