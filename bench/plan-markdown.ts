// A plan written as Markdown (title, numbered headings, each task's running text): what pandoc
// turns into DOCX beside `plandesk export` of the same plan (export.bench.ts, cli.bench.ts).
import { formatLabel, walkOutline } from '../shared/plan/numbering';
import { taskRunningText } from '../shared/plan/running-text';
import type { PlanDocument } from '../shared/plan/schema';

export const PANDOC = '/usr/bin/pandoc';

export function toMarkdown(doc: PlanDocument): string {
  const out: string[] = [`# ${doc.meta.title}`, ''];
  walkOutline(doc.body, (node) => {
    if (node.type === 'heading') out.push(`${'#'.repeat(Math.min(node.level + 1, 6))} ${formatLabel(node.level, node.ordinal)}${node.title}`, '');
    else out.push(taskRunningText(node), '');
  });
  return out.join('\n');
}

/** pandoc's arguments turning the Markdown file `md` into the DOCX file `out`. */
export function pandocArgs(md: string, out: string): string[] {
  return ['-f', 'markdown', '-t', 'docx', '-o', out, md];
}
