// Running one command line against a table of commands: the help, the version, an unknown
// command, a command's --help, and the command itself with its context (the library opened on
// first use, errors said in one Chinese line with exit code 1 or 2). The table decides what is
// loaded: ./main.ts passes every command, ./list-main.ts only `list` (issue 17).
import type { Database } from 'better-sqlite3';
import { helpText, isHelpArg, isVersionArg } from './help';
import { EXIT_BAD_INPUT, EXIT_FAILURE, type CliCommandEntry, type CliContext } from './types';
import type { Library } from '../services/open-library';
import { describeDbError } from '../services/db/db-errors';
import { dbPathIn, resolveDataDir } from '../services/paths';
import { AppError } from '../../shared/errors';
import { APP_VERSION } from '../version';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

export const STDIO: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};

export async function runCommandLine(argv: string[], io: CliIo, commands: readonly CliCommandEntry[]): Promise<number> {
  const [name, ...rest] = argv;
  if (isHelpArg(name)) {
    io.out(helpText());
    return 0;
  }
  if (isVersionArg(name)) {
    io.out(APP_VERSION);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`未知命令“${name}”。运行 plandesk --help 查看可用命令。`);
    return EXIT_BAD_INPUT;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  // The services bring every domain module (and zod): loaded only when the command asks for the
  // library (an export of a plan file never does). A databaseOnly command opens the database alone.
  let library: Library | undefined;
  let db: Database | undefined;
  const ctx: CliContext = {
    async services() {
      const opener = await entry.opener();
      if (!('openLibrary' in opener)) throw new Error(`plandesk ${entry.name} is marked databaseOnly but asked for the services`);
      library ??= opener.openLibrary(resolveDataDir(), 'cli');
      return library.services;
    },
    async database() {
      const opener = await entry.opener();
      if (!('openDatabase' in opener)) throw new Error(`plandesk ${entry.name} asked for the database without being marked databaseOnly`);
      db ??= opener.openDatabase(dbPathIn(resolveDataDir()));
      return db;
    },
    out: io.out,
    err: io.err,
    cwd: process.cwd(),
  };
  try {
    return await command.run(rest, ctx);
  } catch (thrown) {
    // What the services' errors go through (openLibrary's asServices), for the database alone.
    const err = db ? (describeDbError(thrown, dbPathIn(resolveDataDir()), false) ?? thrown) : thrown;
    if (err instanceof AppError) {
      io.err(err.message);
      const badInput = ['invalid-args', 'invalid-plan', 'unsupported-file', 'bad-file', 'not-found'].includes(err.code);
      return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }
    io.err(`出错了：${(err as Error)?.message ?? String(err)}`);
    return EXIT_FAILURE;
  } finally {
    library?.close();
    if (db?.open) db.close();
  }
}
