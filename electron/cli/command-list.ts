// The `plandesk` sub-commands as data: name, help line, and whether the command needs only the
// database. Nothing here loads a command: `plandesk --help` is printed from this list alone by the
// small entry (electron/cli.ts), which does not load the rest of the command line (issue 17).
// Add a command: an entry here and its loader in ./commands/index.ts (the types keep them in step).

export interface CliCommandInfo {
  name: string;
  /** One line in Chinese for `plandesk --help`. */
  summary: string;
  /**
   * The command reads the library only through `ctx.database()` (no services): the library's
   * services (and zod, the document schema) are then not loaded at all.
   */
  databaseOnly?: boolean;
}

/** In the order `plandesk --help` lists them. */
export const COMMAND_LIST = [
  { name: 'list', summary: '列出资料库中的计划', databaseOnly: true },
  { name: 'show', summary: '显示一份计划（--json 输出交换格式）' },
  { name: 'save', summary: '校验一个 .plan.json 文件并存入资料库，输出编号' },
  { name: 'import', summary: '导入工作要点（Word/WPS、PDF、OFD、.odt、RTF、网页、文本），输出识别结果或存入资料库' },
  { name: 'export', summary: '按公文格式导出 DOCX（要点、印发通知或任务分工表）' },
  { name: 'check', summary: '校对一份计划（文件或资料库编号），列出问题、位置和建议的修改' },
  { name: 'compare', summary: '对照上级文件检查草稿的落实情况（覆盖率、目标差异）' },
  { name: 'diff', summary: '逐项比较两份计划（新增、删除、修改、移动）' },
  { name: 'rollover', summary: '以往年要点为基础生成新年度草稿，列出需要核对的地方' },
  { name: 'review-import', summary: '读取反馈的 Word/WPS 或 .odt 文件中的批注和修订，对应到任务' },
  { name: 'opinions', summary: '导出征求意见汇总表（DOCX）' },
  { name: 'templates', summary: '列出内置模板和我的模板（含有问题的模板文件）' },
  { name: 'new', summary: '用模板新建计划（填入年份、发文机关），输出或存入资料库' },
  { name: 'serve', summary: '启动团队模式服务器（--team，开发中），局域网内共同编辑' },
  { name: 'team', summary: '管理团队模式账号（team add-user）', databaseOnly: true },
] as const satisfies readonly CliCommandInfo[];

export type CliCommandName = (typeof COMMAND_LIST)[number]['name'];
