// `plandesk` — the command line: plain Node, the same services as the app.
import { commands } from './commands';
import { EXIT_BAD_INPUT, EXIT_FAILURE, type CliContext } from './types';
import { openLibrary, type Library } from '../services/open-library';
import { resolveDataDir } from '../services/paths';
import { AppError } from '../../shared/errors';
import { APP_VERSION } from '../version';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `PlanDesk ${APP_VERSION} — 安全生产工作要点编制工具（命令行）`,
    '',
    '用法：plandesk <命令> [参数]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '每个命令的详细用法：plandesk <命令> --help',
    `资料库位置：${resolveDataDir()}（可用环境变量 PLANDESK_HOME 改变）`,
  ].join('\n');
}

export async function runCli(
  argv: string[],
  io: { out(s: string): void; err(s: string): void } = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  },
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令“${name}”。运行 plandesk --help 查看可用命令。`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  let library: Library | undefined;
  const ctx: CliContext = {
    services() {
      library ??= openLibrary(resolveDataDir(), 'cli');
      return library.services;
    },
    out: io.out,
    err: io.err,
    cwd: process.cwd(),
  };
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    if (err instanceof AppError) {
      io.err(err.message);
      const badInput = ['invalid-args', 'invalid-plan', 'unsupported-file', 'bad-file', 'not-found'].includes(err.code);
      return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }
    io.err(`出错了：${(err as Error)?.message ?? String(err)}`);
    return EXIT_FAILURE;
  } finally {
    library?.close();
  }
}
