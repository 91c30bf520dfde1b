// The official running text of a task, as the exporter writes it and the editor previews it:
// "1.加强安全生产考核。正文……（市安委会办公室牵头，各镇街负责落实）".
import { formatLabel } from '../plan/numbering';
import type { TaskNode } from '../plan/schema';

const SENTENCE_END = /[。！？；]$/;

function joinUnits(units: readonly string[]): string {
  return units.map((u) => u.trim()).filter(Boolean).join('、');
}

/**
 * The words inside the units parenthetical, without the brackets: the text as written when
 * there is one (unitsText), otherwise built from the lead and support units.
 * "" when the task names no unit.
 */
export function unitsParenthetical(task: Pick<TaskNode, 'lead' | 'support' | 'unitsText'>): string {
  const written = task.unitsText?.trim().replace(/^[（(]/, '').replace(/[）)]$/, '');
  if (written) return written;
  const lead = joinUnits(task.lead);
  const support = joinUnits(task.support);
  if (lead && support) return `${lead}牵头，${support}负责落实`;
  if (lead) return `${lead}负责`;
  if (support) return `${support}负责落实`;
  return '';
}

/** The parts of the running text, so a renderer can set the label and title in another font. */
export interface TaskTextParts {
  label: string;
  /** Title sentence with its final 。 */
  title: string;
  /** Body text after the title sentence ("" when none). */
  text: string;
  /** "（…）" or "". */
  units: string;
}

export function taskTextParts(task: Pick<TaskNode, 'level' | 'ordinal' | 'title' | 'text' | 'lead' | 'support' | 'unitsText'>): TaskTextParts {
  const title = task.title.trim();
  const units = unitsParenthetical(task);
  const text = task.text.trim();
  return {
    label: formatLabel(task.level, task.ordinal),
    title: title && !SENTENCE_END.test(title) ? `${title}。` : title,
    text,
    units: units ? `（${units}）` : '',
  };
}

/** "1.加强安全生产考核。正文……（市安委会办公室牵头，各镇街负责落实）" */
export function taskRunningText(task: Pick<TaskNode, 'level' | 'ordinal' | 'title' | 'text' | 'lead' | 'support' | 'unitsText'>): string {
  const p = taskTextParts(task);
  return p.label + p.title + p.text + p.units;
}
