// The shape every `plandesk` sub-command has. Commands live one per file in ./commands and
// are listed in ./commands/index.ts.
import type { Services } from '../../shared/contract';

export interface CliContext {
  /** Opens the library (SQLite) on first use; the same services the app uses. */
  services(): Services;
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
  /** One line in Chinese for `plandesk --help`. */
  summary: string;
  /** Usage lines for `plandesk <name> --help`. */
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
