// Empty sections: a heading with no task or paragraph under it before the next heading of
// the same or a higher level.
import { check, nameOf, type Ctx } from './context';
import type { Check } from './types';

export function emptySectionChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  const blocks = ctx.blocks;
  blocks.forEach((b, i) => {
    if (b.type !== 'heading') return;
    if (b.text?.trim()) return; // a heading with its own lead-in text holds content
    let content = false;
    for (let j = i + 1; j < blocks.length; j++) {
      const n = blocks[j]!;
      if (n.type === 'heading' && n.level <= b.level) break;
      if (n.type === 'task' && n.level <= b.level) break;
      if (n.type === 'task') {
        content = true;
        break;
      }
      // A paragraph under a higher level (under < level) belongs to an enclosing node.
      if (n.type === 'paragraph' && n.under >= b.level && n.text.trim()) {
        content = true;
        break;
      }
      if (n.type === 'paragraph' && n.under < b.level && n.text.trim()) break;
    }
    if (!content) {
      out.push(check('section-empty', 'warning', i, b.title, `${nameOf(ctx, i)}下没有任何任务或段落`, { field: 'title' }));
    }
  });
  return out;
}
