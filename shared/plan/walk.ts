// The one walk of the body tree: document order (a node before its children), with an explicit
// stack instead of recursion, so that no document, however deep, can exhaust the call stack
// (the schema refuses nesting beyond PLAN_LIMITS.depth, but the walks do not rely on it).
import type { BodyNode } from './schema';

export interface WalkStep {
  /** "body/1/children/0", as warnings and walkOutline write paths. */
  path: string;
  /** 0 for the top level. */
  depth: number;
  /** The heading or task whose children the node is among; null at the top. */
  parent: Exclude<BodyNode, { type: 'paragraph' }> | null;
}

/**
 * Visits every node (paragraphs too). A node's children are read after `visit` has returned,
 * so a visitor may replace them; returning `false` skips them.
 */
export function walkBody(body: readonly BodyNode[], visit: (node: BodyNode, step: WalkStep) => void | boolean, basePath = 'body'): void {
  type Frame = { list: readonly BodyNode[]; i: number; base: string; depth: number; parent: WalkStep['parent'] };
  const stack: Frame[] = [{ list: body, i: 0, base: basePath, depth: 0, parent: null }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const index = top.i++;
    const node = top.list[index]!;
    const path = `${top.base}/${index}`;
    const descend = visit(node, { path, depth: top.depth, parent: top.parent });
    if (descend !== false && node.type !== 'paragraph' && node.children?.length) {
      stack.push({ list: node.children, i: 0, base: `${path}/children`, depth: top.depth + 1, parent: node });
    }
  }
}
