// 插入为新任务: an upper task the draft does not answer, dropped into the draft for the drafter
// to rework — at a sensible place (after the draft task that answers the nearest earlier upper
// task, else at the end of the draft's last section), with the upper text adapted (the upper
// place and level words turned into the draft's) and its units left as placeholders.
import { blocksToNumberedBody, bodyToBlocks, type FlatBlock } from '../plan/flat';
import { blockIndexOfPath, blockSectionEnd, nodeAtPath } from '../plan/paths';
import { indexById, newNodeId } from '../plan/ids';
import type { PlanDocument } from '../plan/schema';
import type { Comparison } from './compare';
import { placeNames } from './text';

export const LEAD_PLACEHOLDER = '〔牵头单位〕';
export const SUPPORT_PLACEHOLDER = '〔责任单位〕';

const LEVEL = /(省|市|州|县|区|旗|镇|乡)(?:人民政府|安全生产委员会|政府|委员会|应急管理局)?$/u;

function levelOf(doc: PlanDocument): string | null {
  const issuer = (doc.meta.issuer ?? '').replace(/办公室$/, '');
  const m = /([省市州县区旗镇乡])(?=人民政府|安全生产委员会|政府|委员会|应急管理局|安委会)/u.exec(issuer) ?? LEVEL.exec(issuer);
  return m ? m[1]! : null;
}

export function adaptText(text: string, upper: PlanDocument, draft: PlanDocument): string {
  const from = placeNames(upper.meta.issuer, upper.meta.title);
  const to = placeNames(draft.meta.issuer, draft.meta.title)[0];
  const upLevel = levelOf(upper);
  const drLevel = levelOf(draft);
  let t = text;
  if (to) for (const p of from) if (p !== to) t = t.split(p).join(to);
  if (upLevel && drLevel && upLevel !== drLevel) t = t.split(`全${upLevel}`).join(`全${drLevel}`).split(`本${upLevel}`).join(`本${drLevel}`);
  return t;
}

export interface InsertResult {
  doc: PlanDocument;
  /** Index of the new task among the flat blocks, for the editor to jump to. */
  blockIndex: number;
}

export function insertUpperTask(draft: PlanDocument, upper: PlanDocument, comparison: Comparison, upperKey: string): InsertResult | null {
  const at = comparison.upper.findIndex((u) => u.key === upperKey);
  if (at < 0) return null;
  // By node id (issue 14); the path only for a unit without one.
  const u = comparison.upper[at]!;
  const node = (u.key ? indexById(upper.body).get(u.key)?.node : undefined) ?? nodeAtPath(upper.body, u.path);
  if (!node || node.type === 'paragraph') return null;
  const blocks = bodyToBlocks(draft.body);
  // Anchor: the last draft task linked to the nearest earlier upper task that has links.
  let anchor = -1;
  for (let k = at - 1; k >= 0 && anchor < 0; k--) {
    const links = comparison.upper[k]!.links;
    for (const l of links) {
      const byId = blocks.findIndex((b) => b.id === l.key);
      anchor = Math.max(anchor, byId >= 0 ? byId : blockIndexOfPath(draft.body, blocks, l.path));
    }
  }
  let level: 2 | 3 | 4;
  let insertAt: number;
  if (anchor >= 0) {
    const a = blocks[anchor]!;
    level = (a.type === 'task' ? a.level : Math.min(4, (a.type === 'heading' ? a.level : 2) + 1)) as 2 | 3 | 4;
    insertAt = blockSectionEnd(blocks, anchor);
  } else {
    const lastTask = [...blocks].reverse().find((b): b is Extract<FlatBlock, { type: 'task' }> => b.type === 'task');
    level = (lastTask?.level ?? 3) as 2 | 3 | 4;
    insertAt = blocks.length;
  }
  const task: FlatBlock = {
    type: 'task',
    id: newNodeId(new Set(blocks.map((b) => b.id).filter((x): x is string => !!x))),
    level,
    title: adaptText(node.title, upper, draft),
    text: node.type === 'task' ? adaptText(node.text, upper, draft) : (node.text ?? ''),
    lead: [LEAD_PLACEHOLDER],
    support: [SUPPORT_PLACEHOLDER],
    targets: node.type === 'task' ? node.targets.map((t) => ({ ...t, unconfirmed: true })) : [],
  };
  const next = [...blocks.slice(0, insertAt), task, ...blocks.slice(insertAt)];
  return { doc: { ...draft, body: blocksToNumberedBody(next, draft.numbering) }, blockIndex: insertAt };
}
