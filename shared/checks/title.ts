// The task's title sentence: present, ended before the body starts, and a task that has
// something besides its title.
import { check, nameOf, tasks, unitsOf, type Ctx } from './context';
import type { Check } from './types';

/** A title longer than this with no 。 has almost surely swallowed the body (samples: ≤ 27). */
const LONG_TITLE = 40;

export function titleChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  for (const [t, i] of tasks(ctx.blocks)) {
    const title = t.title.trim();
    const name = nameOf(ctx, i);
    if (!title) {
      out.push(check('title-empty', 'error', i, t.text.slice(0, 20), `${name}没有标题句`, { field: 'title' }));
      continue;
    }
    // A 。 or ； inside the title (not at its end): the title sentence ends there.
    const body = title.replace(/[。；;]+$/, '');
    const stop = body.search(/[。；;]/);
    if (stop > 0) {
      const head = body.slice(0, stop).trim();
      const rest = title.slice(stop + 1).trim();
      const text = t.text.trim() ? (rest ? `${rest}${t.text.trimStart()}` : t.text) : rest;
      out.push(
        check('title-run-on', 'warning', i, title, `${name}的标题句在“${body[stop]}”处已经结束，其后的内容应属于正文`, {
          field: 'title',
          fix: { label: `在“${body[stop]}”处分开标题与正文`, blockIndex: i, patch: { title: head, text } },
        }),
      );
    } else if (title.length > LONG_TITLE || (title.length > 25 && !t.text.trim() && /[，,]/.test(title))) {
      out.push(
        check('title-run-on', 'warning', i, title, `${name}的标题句没有以“。”结束（标题 ${title.length} 字），可能连着正文，请在标题句结束处断开`, {
          field: 'title',
        }),
      );
    }
    if (!t.text.trim() && unitsOf(t).length === 0 && !t.unitsText?.trim()) {
      out.push(check('task-empty', 'warning', i, title, `${name}只有标题，没有正文和责任单位`, { field: 'text' }));
    }
  }
  return out;
}
