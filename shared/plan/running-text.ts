// What a task reads as in output: "1.加强安全生产考核。正文……（市安委会办公室牵头，各镇街负责落实）".
// The one rule, used by the DOCX export, the review export, the clipboard copy, the editor's
// title stop, compare/diff, the checks and the CLI: the label, the title sentence with its 。
// (only when the title does not already end a sentence — never "；。"), the body, the units in
// brackets (the written unitsText, or built from lead/support with the 牵头 wording).
import { formatLabel } from './numbering';
import type { Level } from './schema';

/** A task title that ends with one of these needs no added 。. */
const TASK_TITLE_END = /[。！？；]$/;
/** A heading title followed by text: a colon also ends it (“一、总体要求：……”). */
const HEADING_TITLE_END = /[。！？：；]$/;

/** The 。 a title sentence needs before what follows it: '。' or '' (empty title, or it already ends a sentence). */
export function titleStop(title: string, kind: 'task' | 'heading' = 'task'): string {
  const t = title.trim();
  if (!t) return '';
  return (kind === 'task' ? TASK_TITLE_END : HEADING_TITLE_END).test(t) ? '' : '。';
}

function joinUnits(units: readonly string[]): string {
  return units
    .map((u) => u.trim())
    .filter(Boolean)
    .join('、');
}

/**
 * The words inside the units parenthetical, without the brackets: the text as written when
 * there is one (unitsText), otherwise built from the lead and support units.
 * "" when the task names no unit.
 */
export function unitsParenthetical(task: { lead: readonly string[]; support: readonly string[]; unitsText?: string | null }): string {
  const written = task.unitsText
    ?.trim()
    .replace(/^[（(]/, '')
    .replace(/[）)]$/, '');
  if (written) return written;
  const lead = joinUnits(task.lead);
  const support = joinUnits(task.support);
  if (lead && support) return `${lead}牵头，${support}负责落实`;
  if (lead) return `${lead}负责`;
  if (support) return `${support}负责落实`;
  return '';
}

/** The fields the running text is made of (a TaskNode, a flat task block, an editor node's attrs). */
export interface RunningTextTask {
  level?: Level;
  ordinal?: number;
  title: string;
  text: string;
  lead: readonly string[];
  support: readonly string[];
  unitsText?: string | null;
}

export interface RunningTextOptions {
  /** The label ("1." "（三）"): true (default) computes it from level and ordinal; a string is used as given; false leaves it out. */
  label?: boolean | string;
  /** The units parenthetical; default true. */
  units?: boolean;
}

/** The parts of the running text, so a renderer can set the label and title in another font. */
export interface TaskTextParts {
  label: string;
  /** Title sentence with its final 。 when it needs one. */
  title: string;
  /** Body text after the title sentence ("" when none). */
  text: string;
  /** "（…）" or "". */
  units: string;
}

export function taskTextParts(task: RunningTextTask, opts: RunningTextOptions = {}): TaskTextParts {
  const title = task.title.trim();
  const units = opts.units === false ? '' : unitsParenthetical(task);
  const label =
    typeof opts.label === 'string'
      ? opts.label
      : opts.label === false || task.level === undefined || task.ordinal === undefined
        ? ''
        : formatLabel(task.level, task.ordinal);
  return { label, title: title + titleStop(title), text: task.text.trim(), units: units ? `（${units}）` : '' };
}

/** "1.加强安全生产考核。正文……（市安委会办公室牵头，各镇街负责落实）" */
export function taskRunningText(task: RunningTextTask, opts: RunningTextOptions = {}): string {
  const p = taskTextParts(task, opts);
  return p.label + p.title + p.text + p.units;
}

/** Title and body only, as one sentence run: the text compare, the checks and targets read ("加强考核。正文"). */
export function taskSentences(task: { title: string; text?: string }): string {
  return taskRunningText({ title: task.title, text: task.text ?? '', lead: [], support: [] }, { label: false, units: false });
}
