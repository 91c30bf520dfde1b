// Every `plandesk` sub-command, in the order `plandesk --help` lists them: its name, its line in
// the help, and how to load it. A command's module (and the libraries it needs: the DOCX writer,
// the readers, the compare engine) is loaded only when that command runs, so `plandesk --help`
// and `plandesk list` start about as fast as Node itself (issue 17).
// Add a command: one file in this folder exporting a CliCommand, one entry here.
import type { CliCommand } from '../types';

export interface CliCommandEntry {
  name: string;
  /** One line in Chinese for `plandesk --help`. */
  summary: string;
  /**
   * The command reads the library only through `ctx.database()` (no services): the library's
   * services (and zod, the document schema) are then not loaded at all.
   */
  databaseOnly?: boolean;
  load(): Promise<CliCommand>;
}

export const commands: CliCommandEntry[] = [
  {
    name: 'list',
    summary: '列出资料库中的计划',
    databaseOnly: true,
    load: async () => (await import('./list')).listCommand,
  },
  {
    name: 'show',
    summary: '显示一份计划（--json 输出交换格式）',
    load: async () => (await import('./show')).showCommand,
  },
  {
    name: 'save',
    summary: '校验一个 .plan.json 文件并存入资料库，输出编号',
    load: async () => (await import('./save')).saveCommand,
  },
  {
    name: 'import',
    summary: '导入工作要点（Word/WPS、PDF、OFD、.odt、RTF、网页、文本），输出识别结果或存入资料库',
    load: async () => (await import('./import')).importCommand,
  },
  {
    name: 'export',
    summary: '按公文格式导出 DOCX（要点、印发通知或任务分工表）',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'check',
    summary: '校对一份计划（文件或资料库编号），列出问题、位置和建议的修改',
    load: async () => (await import('./check')).checkCommand,
  },
  {
    name: 'compare',
    summary: '对照上级文件检查草稿的落实情况（覆盖率、目标差异）',
    load: async () => (await import('./compare')).compareCommand,
  },
  {
    name: 'diff',
    summary: '逐项比较两份计划（新增、删除、修改、移动）',
    load: async () => (await import('./diff')).diffCommand,
  },
  {
    name: 'rollover',
    summary: '以往年要点为基础生成新年度草稿，列出需要核对的地方',
    load: async () => (await import('./rollover')).rolloverCommand,
  },
  {
    name: 'review-import',
    summary: '读取反馈的 Word/WPS 文件中的批注和修订，对应到任务',
    load: async () => (await import('./review-import')).reviewImportCommand,
  },
  {
    name: 'opinions',
    summary: '导出征求意见汇总表（DOCX）',
    load: async () => (await import('./opinions')).opinionsCommand,
  },
  {
    name: 'templates',
    summary: '列出内置模板和我的模板（含有问题的模板文件）',
    load: async () => (await import('./templates')).templatesCommand,
  },
  {
    name: 'new',
    summary: '用模板新建计划（填入年份、发文机关），输出或存入资料库',
    load: async () => (await import('./new')).newCommand,
  },
];

/** The command of that name, loaded; undefined for an unknown name. */
export async function loadCommand(name: string): Promise<CliCommand | undefined> {
  return commands.find((c) => c.name === name)?.load();
}
