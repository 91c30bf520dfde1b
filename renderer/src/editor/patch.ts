// Applies a field patch of a flat block (from a check's fix, find/replace or the units
// editor) to the editor as one transaction, touching only the characters that change. In 修订
// mode the changed characters become a suggestion (old text marked deleted, new text inserted).
import type { Editor } from '@tiptap/react';
import type { Transaction } from '@tiptap/pm/state';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { diffChars } from 'diff';
import type { FlatBlock } from '../../../shared/plan/flat';
import { activeSuggester, suggestReplace, type Suggester } from '../review/suggest-mode';
import { fieldRange, type TextField } from './positions';

function inlineContent(schema: Schema, text: string): PMNode[] {
  const out: PMNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push(schema.nodes.hardBreak!.create());
    if (line) out.push(schema.text(line));
  });
  return out;
}

/**
 * A field's change as suggestions, character run by character run (jsdiff), so that a fix of
 * two brackets reads as two small changes rather than one replaced phrase.
 */
function suggestFieldChanges(tr: Transaction, start: number, current: string, next: string, who: Suggester): void {
  const steps = tr.mapping.maps.length;
  const at = (offset: number) => tr.mapping.slice(steps).map(start + offset);
  let offset = 0;
  for (const part of diffChars(current, next)) {
    if (part.removed) {
      suggestReplace(tr, at(offset), at(offset + part.value.length), [], who);
      offset += part.value.length;
    } else if (part.added) suggestReplace(tr, at(offset), at(offset), inlineContent(tr.doc.type.schema, part.value), who);
    else offset += part.value.length;
  }
}

/** Replaces the text of a field, keeping the common start and end untouched; a suggestion when `who` is given. */
export function replaceFieldText(tr: Transaction, blockIndex: number, field: TextField, next: string, who: Suggester | null = null): void {
  const range = fieldRange(tr.doc, blockIndex, field);
  if (!range) return;
  const current = tr.doc.textBetween(range.from, range.to, '\n', '\n');
  if (current === next) return;
  if (who) {
    suggestFieldChanges(tr, range.from, current, next, who);
    return;
  }
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  const from = range.from + start;
  const to = range.to - end;
  const middle = next.slice(start, next.length - end);
  if (middle) tr.replaceWith(from, to, inlineContent(tr.doc.type.schema, middle));
  else tr.delete(from, to);
}

const ATTR_KEYS = ['level', 'lead', 'support', 'unitsText', 'unitsNote', 'targets', 'under'] as const;

export function patchBlock(tr: Transaction, blockIndex: number, patch: Partial<FlatBlock>, who: Suggester | null = null): void {
  if (blockIndex < 0 || blockIndex >= tr.doc.childCount) return;
  const node = tr.doc.child(blockIndex);
  const kind = node.type.name;
  const p = patch as Record<string, unknown>;
  if (typeof p.title === 'string') replaceFieldText(tr, blockIndex, kind === 'planTask' ? 'title' : 'heading', p.title, who);
  if (typeof p.text === 'string') {
    if (kind === 'planTask') replaceFieldText(tr, blockIndex, 'text', p.text, who);
    else if (kind === 'paragraph') replaceFieldText(tr, blockIndex, 'paragraph', p.text, who);
  }
  const attrs: Record<string, unknown> = {};
  for (const key of ATTR_KEYS) if (key in p && key in node.attrs) attrs[key] = p[key] ?? null;
  if (kind === 'planHeading' && 'text' in p) attrs.text = p.text ?? null;
  // The written units text is shown (and exported) before the lists: when the lists change
  // without it, it would be stale, so the parenthetical is rebuilt from the lists.
  if (kind === 'planTask' && ('lead' in p || 'support' in p) && !('unitsText' in p)) attrs.unitsText = null;
  if (Object.keys(attrs).length) {
    let pos = 0;
    for (let i = 0; i < blockIndex; i++) pos += tr.doc.child(i).nodeSize;
    tr.setNodeMarkup(pos, undefined, { ...tr.doc.child(blockIndex).attrs, ...attrs });
  }
}

export function applyBlockPatch(editor: Editor, blockIndex: number, patch: Partial<FlatBlock>): void {
  const tr = editor.state.tr;
  patchBlock(tr, blockIndex, patch, activeSuggester(editor.state));
  if (tr.docChanged) editor.view.dispatch(tr);
}

/**
 * Applies several block patches (a group's “全部修正”) as ONE transaction, so a single Ctrl+Z
 * restores them all. The patches only change text and attributes inside blocks, never the
 * number of blocks, so every block index stays valid while they are applied in turn.
 */
export function applyBlockPatches(editor: Editor, patches: ReadonlyArray<{ blockIndex: number; patch: Partial<FlatBlock> }>): void {
  const tr = editor.state.tr;
  const who = activeSuggester(editor.state);
  for (const p of patches) patchBlock(tr, p.blockIndex, p.patch, who);
  if (tr.docChanged) editor.view.dispatch(tr);
}
