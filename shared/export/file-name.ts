// The file name an export proposes, from the plan's title.

/** Characters Windows forbids in file names, and control characters. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

export function proposeExportFileName(title: string, kind: 'plan' | 'table' = 'plan'): string {
  const base = (
    title
      .replace(FORBIDDEN, '')
      .replace(/\s+/g, '')
      .replace(/[.。]+$/, '') || '工作要点'
  ).slice(0, 80);
  return `${base}${kind === 'table' ? '任务分工表' : ''}.docx`;
}
