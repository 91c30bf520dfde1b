// Node ids are random (shared/plan/ids.ts): tests that compare whole documents with committed
// files or written expectations compare them without ids, and check the ids separately.
import type { BodyNode } from '../../shared/plan/schema';

/** A deep copy with every node's `id` (and the `nodeId` of warnings and flags) removed (and `version` set to `version`, when given). */
export function withoutIds<T>(value: T, version?: 1 | 2): T {
  const strip = (nodes: BodyNode[]): BodyNode[] =>
    nodes.map((n) => {
      const { id: _id, ...rest } = n;
      return (rest.type === 'paragraph' ? rest : { ...rest, children: strip((rest as { children: BodyNode[] }).children) }) as BodyNode;
    });
  const out = structuredClone(value) as { body?: BodyNode[]; version?: number; warnings?: Array<{ nodeId?: string }>; flags?: Array<{ nodeId?: string }> };
  if (Array.isArray(out.body)) out.body = strip(out.body);
  for (const list of [out.warnings, out.flags]) if (Array.isArray(list)) for (const w of list) delete w.nodeId;
  if (version !== undefined && out && typeof out === 'object' && 'version' in out) out.version = version;
  return out as T;
}
