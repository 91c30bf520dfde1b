// `plandesk` — the command line: plain Node, the same services as the app.
// Loads only what the command given needs (issue 17): the help text comes from the command
// table alone; a command's module, the library's services and the database are loaded on demand.
import type { Database } from 'better-sqlite3';
import { commands } from './commands';
import { helpText, isHelpArg, isVersionArg } from './help';
import { EXIT_BAD_INPUT, EXIT_FAILURE, type CliContext } from './types';
import type { Library } from '../services/open-library';
import { dbPathIn, resolveDataDir } from '../services/paths';
import { AppError } from '../../shared/errors';
import { APP_VERSION } from '../version';

export async function runCli(
  argv: string[],
  io: { out(s: string): void; err(s: string): void } = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  },
): Promise<number> {
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
  // The services bring every domain module (and zod); a databaseOnly command opens the database alone.
  const { openLibrary } = entry.databaseOnly ? { openLibrary: undefined } : await import('../services/open-library');
  const { openDatabase } = entry.databaseOnly ? await import('../services/db/open-db') : { openDatabase: undefined };
  const { describeDbError } = await import('../services/db/db-errors');
  let library: Library | undefined;
  let db: Database | undefined;
  const ctx: CliContext = {
    services() {
      if (!openLibrary) throw new Error(`plandesk ${entry.name} is marked databaseOnly but asked for the services`);
      library ??= openLibrary(resolveDataDir(), 'cli');
      return library.services;
    },
    database() {
      if (!openDatabase) throw new Error(`plandesk ${entry.name} asked for the database without being marked databaseOnly`);
      db ??= openDatabase(dbPathIn(resolveDataDir()));
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
