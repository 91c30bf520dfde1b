// How each `plandesk` sub-command is loaded: its module (and the libraries it needs: the DOCX
// writer, the readers, the compare engine) only when that command runs, so `plandesk list`
// starts about as fast as Node itself (issue 17). The names and help lines are in ../command-list.ts.
// Add a command: one file in this folder exporting a CliCommand, its loader here, its entry there.
import { COMMAND_LIST, type CliCommandName } from '../command-list';
import type { CliCommand, CliCommandEntry, CliOpener } from '../types';

const loaders: Record<CliCommandName, () => Promise<CliCommand>> = {
  list: async () => (await import('./list')).listCommand,
  show: async () => (await import('./show')).showCommand,
  save: async () => (await import('./save')).saveCommand,
  import: async () => (await import('./import')).importCommand,
  export: async () => (await import('./export')).exportCommand,
  check: async () => (await import('./check')).checkCommand,
  compare: async () => (await import('./compare')).compareCommand,
  diff: async () => (await import('./diff')).diffCommand,
  rollover: async () => (await import('./rollover')).rolloverCommand,
  'review-import': async () => (await import('./review-import')).reviewImportCommand,
  opinions: async () => (await import('./opinions')).opinionsCommand,
  templates: async () => (await import('./templates')).templatesCommand,
  new: async () => (await import('./new')).newCommand,
  serve: async () => (await import('./serve')).serveCommand,
  team: async () => (await import('./team')).teamCommand,
};

const openLibrary = async (): Promise<CliOpener> => ({ openLibrary: (await import('../../services/open-library')).openLibrary });
const openDatabase = async (): Promise<CliOpener> => ({ openDatabase: (await import('../../services/db/open-db')).openDatabase });

export const commands: CliCommandEntry[] = COMMAND_LIST.map((info) => ({
  ...info,
  load: loaders[info.name],
  opener: 'databaseOnly' in info && info.databaseOnly ? openDatabase : openLibrary,
}));

/** The command of that name, loaded; undefined for an unknown name. */
export async function loadCommand(name: string): Promise<CliCommand | undefined> {
  return commands.find((c) => c.name === name)?.load();
}
