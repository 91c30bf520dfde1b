// The text of `plandesk --help`, from the command list alone (no command is loaded).
import { COMMAND_LIST } from './command-list';
import { resolveDataDir } from '../services/paths';
import { APP_VERSION } from '../version';

export function isHelpArg(arg: string | undefined): boolean {
  return !arg || arg === '--help' || arg === '-h' || arg === 'help';
}

export function isVersionArg(arg: string | undefined): boolean {
  return arg === '--version' || arg === '-v';
}

export function helpText(): string {
  const width = Math.max(...COMMAND_LIST.map((c) => c.name.length));
  return [
    `PlanDesk ${APP_VERSION} — 安全生产工作要点编制工具（命令行）`,
    '',
    '用法：plandesk <命令> [参数]',
    '',
    '命令：',
    ...COMMAND_LIST.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令的详细用法：plandesk <命令> --help',
    `资料库位置：${resolveDataDir()}（可用环境变量 PLANDESK_HOME 改变）`,
  ].join('\n');
}
