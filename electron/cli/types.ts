// The shape every `plandesk` sub-command has. Commands live one per file in ./commands and
// are listed in ./commands/index.ts (with their help line), loaded only when run.
import type { Database } from 'better-sqlite3';
import type { Services } from '../../shared/contract';
import type { openDatabase } from '../services/db/open-db';
import type { openLibrary } from '../services/open-library';
import type { CliCommandInfo } from './command-list';

export interface CliContext {
  /** Opens the library (SQLite) on first use, loading the services then; the same services the app uses. */
  services(): Promise<Services>;
  /**
   * The library's database alone (opened with the same checks and migrations), for commands
   * marked `databaseOnly` in ./command-list.ts; the services are not available to them.
   */
  database(): Promise<Database>;
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Exit codes: 0 ok, 1 failure while working, 2 bad input (file, arguments). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliCommand {
  name: string;
  /** Usage lines for `plandesk <name> --help`. */
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** How a command reaches the library: all the services, or (databaseOnly) the database alone. */
export type CliOpener = { openLibrary: typeof openLibrary } | { openDatabase: typeof openDatabase };

/** A command of the command line, loaded on demand. */
export interface CliCommandEntry extends CliCommandInfo {
  load(): Promise<CliCommand>;
  /** Loads what opens the library for the command, when it first asks for the library. */
  opener(): Promise<CliOpener>;
}
