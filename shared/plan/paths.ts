// Outline paths ("body/1/children/0", as walkOutline and warnings write them) to nodes and to
// positions in the flat block list.
import type { BodyNode } from './schema';
import type { FlatBlock } from './flat';
import { walkBody } from './walk';

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
    const n = Number(p);
    if (!Number.isInteger(n) || !list[n]) return null;
    node = list[n]!;
  }
  return node;
}

/** Paths of every node (paragraphs too) in the order bodyToBlocks lists them. */
export function blockPaths(body: readonly BodyNode[], base = 'body', out: string[] = []): string[] {
  walkBody(body, (_node, { path }) => void out.push(path), base);
  return out;
}

/** The index in bodyToBlocks(body) of the node at `path`, or -1. */
export function blockIndexOfPath(body: readonly BodyNode[], _blocks: readonly FlatBlock[], path: string): number {
  return blockPaths(body).indexOf(path);
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
