// Every `plandesk` sub-command, in the order `plandesk --help` lists them.
// Add a command: one file in this folder exporting a CliCommand, one line here.
import type { CliCommand } from '../types';
import { listCommand } from './list';
import { showCommand } from './show';
import { saveCommand } from './save';
import { exportCommand } from './export';
import { importCommand } from './import';
import { compareCommand } from './compare';
import { diffCommand } from './diff';
import { templatesCommand } from './templates';
import { newCommand } from './new';
import { rolloverCommand } from './rollover';
import { reviewImportCommand } from './review-import';
import { opinionsCommand } from './opinions';
import { checkCommand } from './check';

export const commands: CliCommand[] = [
  listCommand,
  showCommand,
  saveCommand,
  importCommand,
  exportCommand,
  checkCommand,
  compareCommand,
  diffCommand,
  rolloverCommand,
  reviewImportCommand,
  opinionsCommand,
  templatesCommand,
  newCommand,
];
