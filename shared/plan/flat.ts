// The plan body as a flat sequence of blocks, the shape the editor works on, and back.
// In the exchange format the outline is a tree; in the editor a drafter re-levels and moves
// blocks freely, so there every block stands in document order and the tree is implied:
// - a heading or task is a child of the nearest earlier heading/task with a smaller level;
// - a paragraph records `under`, the level of the node it belongs to (0 = top level), and
//   attaches to the nearest open node of that level (or the deepest one above it).
// planToBlocks(blocksToBody(x)) === x and blocksToBody(planToBlocks(body)) === body for any
// body whose children have greater levels than their parents (the importer's output).
import { renumber } from './numbering';
import { walkBody } from './walk';
import type { BodyNode, HeadingNode, Level, NodeSuggestion, NumberingSettings, Target, TaskNode, TextMark } from './schema';

// Every block carries its node's `id` (shared/plan/ids.ts) both ways.
export type FlatBlock =
  | { type: 'paragraph'; id?: string; text: string; under: number; marks?: TextMark[] }
  | { type: 'heading'; id?: string; level: Level; title: string; text?: string; targets?: Target[]; marks?: TextMark[]; suggestion?: NodeSuggestion }
  | {
      type: 'task';
      id?: string;
      level: Level;
      title: string;
      text: string;
      lead: string[];
      support: string[];
      unitsText?: string;
      unitsNote?: string;
      targets: Target[];
      marks?: TextMark[];
      suggestion?: NodeSuggestion;
    };

export function bodyToBlocks(body: readonly BodyNode[]): FlatBlock[] {
  const out: FlatBlock[] = [];
  walkBody(body, (node, { parent }) => {
    if (node.type === 'paragraph') {
      out.push({
        type: 'paragraph',
        ...(node.id ? { id: node.id } : {}),
        text: node.text,
        under: parent?.level ?? 0,
        ...(node.marks ? { marks: node.marks } : {}),
      });
    } else {
      const { children: _c, ordinal: _o, type: _t, ...rest } = node;
      out.push(node.type === 'heading' ? { type: 'heading', ...rest } : { type: 'task', ...(rest as Omit<TaskNode, 'children' | 'ordinal' | 'type'>) });
    }
  });
  return out;
}

/**
 * Rebuilds the tree. Ordinals are left at 0 here: call renumber() with the plan's numbering
 * settings afterwards (the editor and the exporter do).
 */
export function blocksToBody(blocks: readonly FlatBlock[]): BodyNode[] {
  const root: BodyNode[] = [];
  // Open outline nodes from the top down; each has a strictly greater level than the one before.
  const stack: Array<HeadingNode | TaskNode> = [];
  const childrenOf = (depthIndex: number): BodyNode[] => (depthIndex < 0 ? root : stack[depthIndex]!.children);
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      // The deepest open node whose level is at most `under`.
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.level > b.under) i--;
      childrenOf(i).push({ type: 'paragraph', ...(b.id ? { id: b.id } : {}), text: b.text, ...(b.marks ? { marks: b.marks } : {}) });
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.level >= b.level) stack.pop();
    const node: HeadingNode | TaskNode =
      b.type === 'heading' ? { ...b, type: 'heading', ordinal: 0, children: [] } : { ...b, type: 'task', ordinal: 0, children: [] };
    childrenOf(stack.length - 1).push(node);
    stack.push(node);
  }
  return root;
}

/** The body tree for a sequence of blocks, numbered by the plan's settings. */
export function blocksToNumberedBody(blocks: readonly FlatBlock[], settings: NumberingSettings): BodyNode[] {
  return renumber(blocksToBody(blocks), settings);
}
