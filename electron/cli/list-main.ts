// The command line for `plandesk list` alone, bundled apart as cli-list.cjs (scripts/build.mjs):
// the entry (electron/cli.ts) loads it instead of cli-main.cjs for `list`, so that Node compiles
// only the list command, the database opening and the argument parsing (issue 17: `plandesk
// list` within 50 ms of `node -e 0`). Same run as ./main.ts, with a table of one command.
import { COMMAND_LIST } from './command-list';
import { listCommand } from './commands/list';
import { runCommandLine, STDIO, type CliIo } from './run';
import type { CliCommandEntry } from './types';
import { openDatabase } from '../services/db/open-db';

const list: CliCommandEntry = {
  ...COMMAND_LIST.find((c) => c.name === 'list')!,
  load: async () => listCommand,
  opener: async () => ({ openDatabase }),
};

export function runCli(argv: string[], io: CliIo = STDIO): Promise<number> {
  return runCommandLine(argv, io, [list]);
}
