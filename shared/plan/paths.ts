// Outline paths ("body/1/children/0", as walkOutline and warnings write them) to nodes and to
// positions in the flat block list.
import { walkOutline } from './numbering';
import type { BodyNode, HeadingNode, TaskNode } from './schema';
import type { FlatBlock } from './flat';

export function nodeAtPath(body: readonly BodyNode[], path: string): BodyNode | null {
  const parts = path.split('/');
  if (parts[0] !== 'body') return null;
  let list: readonly BodyNode[] = body;
  let node: BodyNode | null = null;
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k]!;
    if (p === 'children') {
      if (!node || node.type === 'paragraph') return null;
      list = node.children;
      continue;
    }
    node = list[Number(p)] ?? null;
    if (!node) return null;
  }
  return node;
}

/**
 * The index in bodyToBlocks(body) of the outline node at `path` (headings and tasks come in
 * the same pre-order in both), or -1.
 */
export function blockIndexOfPath(body: readonly BodyNode[], blocks: readonly FlatBlock[], path: string): number {
  const paths: string[] = [];
  walkOutline(body, (_n: HeadingNode | TaskNode, p) => paths.push(p));
  const k = paths.indexOf(path);
  if (k < 0) return -1;
  let seen = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.type !== 'paragraph' && ++seen === k) return i;
  }
  return -1;
}

/** The end (exclusive) of the section that starts at block `index`: its deeper blocks follow it. */
export function blockSectionEnd(blocks: readonly FlatBlock[], index: number): number {
  const b = blocks[index];
  if (!b || b.type === 'paragraph') return index + 1;
  let end = index + 1;
  while (end < blocks.length) {
    const n = blocks[end]!;
    if (n.type === 'paragraph' ? n.under < b.level : n.level <= b.level) break;
    end++;
  }
  return end;
}
