// Reading the outline of a plan: flattened items with labels, counts.
import { formatLabel, walkOutline } from './numbering';
import type { BodyNode, HeadingNode, TaskNode } from './schema';

export interface OutlineItem {
  kind: 'heading' | 'task';
  level: HeadingNode['level'];
  ordinal: number;
  label: string;
  title: string;
  path: string;
  node: HeadingNode | TaskNode;
}

export function flattenOutline(body: readonly BodyNode[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  walkOutline(body, (node, path) =>
    items.push({
      kind: node.type,
      level: node.level,
      ordinal: node.ordinal,
      label: formatLabel(node.level, node.ordinal),
      title: node.title,
      path,
      node,
    }),
  );
  return items;
}

export function countTasks(body: readonly BodyNode[]): number {
  let n = 0;
  walkOutline(body, (node) => {
    if (node.type === 'task') n++;
  });
  return n;
}
