// `plandesk` — the command line: plain Node, the same services as the app.
// Loads only what the command given needs (issue 17): the help text comes from the command
// list alone; a command's module, the library's services and the database are loaded on demand.
import { commands } from './commands';
import { runCommandLine, STDIO, type CliIo } from './run';

export function runCli(argv: string[], io: CliIo = STDIO): Promise<number> {
  return runCommandLine(argv, io, commands);
}
