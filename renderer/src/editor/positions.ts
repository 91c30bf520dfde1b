// Where a field of a block is in the editor document, for jumps, find/replace and fixes.
import type { Node as PMNode } from '@tiptap/pm/model';
import { blockPositions } from './structure';

export type TextField = 'title' | 'text' | 'paragraph' | 'heading';

/** Document position of character `offset` of a block's text field, or null. */
export function fieldPos(doc: PMNode, blockIndex: number, field: TextField, offset: number): number | null {
  const pos = blockPositions(doc)[blockIndex];
  if (pos === undefined) return null;
  const block = doc.child(blockIndex);
  if (block.type.name === 'planTask') {
    if (field === 'title') return pos + 2 + offset;
    if (field === 'text') return pos + 1 + block.child(0).nodeSize + 1 + offset;
    return null;
  }
  return pos + 1 + offset;
}

/** The PM range of a whole text field (its content). */
export function fieldRange(doc: PMNode, blockIndex: number, field: TextField): { from: number; to: number } | null {
  const pos = blockPositions(doc)[blockIndex];
  if (pos === undefined) return null;
  const block = doc.child(blockIndex);
  if (block.type.name === 'planTask') {
    const child = field === 'title' ? block.child(0) : field === 'text' ? block.child(1) : null;
    if (!child) return null;
    const start = field === 'title' ? pos + 2 : pos + 1 + block.child(0).nodeSize + 1;
    return { from: start, to: start + child.content.size };
  }
  return { from: pos + 1, to: pos + 1 + block.content.size };
}
