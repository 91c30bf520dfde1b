// Which files the page may have PlanDesk write or show: in the desktop app, export.toFile
// writes only to a path the user chose in the save dialog, and shell.showItemInFolder opens
// only a file PlanDesk wrote in this session. A path typed by a compromised page does neither.
import type { Dialog, Shell } from 'electron';
import { join, resolve } from 'node:path';
import type { Services } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { HostServices } from '../services/open-library';

export function pathKey(path: string, platform: NodeJS.Platform = process.platform): string {
  const full = resolve(path);
  return platform === 'win32' || platform === 'darwin' ? full.toLowerCase() : full;
}

export class FileAccess {
  private readonly chosen = new Set<string>();
  private readonly written = new Set<string>();

  /** The user picked this path in a save dialog. */
  choose(path: string): void {
    this.chosen.add(pathKey(path));
  }
  mayWrite(path: string): boolean {
    return this.chosen.has(pathKey(path));
  }
  /** PlanDesk wrote this file. */
  wrote(path: string): void {
    this.written.add(pathKey(path));
  }
  wasWritten(path: string): boolean {
    return this.written.has(pathKey(path));
  }
}

export interface WindowHostDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  documentsDir: string;
  files: FileAccess;
}

/** app.saveDialog and app.showInFolder for the desktop window. */
export function windowHostServices({ dialog, shell, documentsDir, files }: WindowHostDeps): HostServices {
  return {
    'app.saveDialog': async ({ defaultName }) => {
      const r = await dialog.showSaveDialog({
        title: '导出 DOCX',
        defaultPath: join(documentsDir, defaultName),
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      });
      const path = r.canceled || !r.filePath ? null : r.filePath;
      if (path) files.choose(path);
      return { supported: true, path };
    },
    'app.showInFolder': ({ path }) => {
      if (!files.wasWritten(path)) return { ok: false };
      shell.showItemInFolder(resolve(path));
      return { ok: true };
    },
  };
}

/** export.toFile only to a chosen path; a file written is remembered for app.showInFolder. */
export function guardFileServices(services: Services, files: FileAccess): Services {
  return {
    ...services,
    'export.toFile': async (args) => {
      if (!files.mayWrite(args.path)) throw new AppError('forbidden', '只能导出到在“保存”对话框中选择的位置，请重新导出。');
      const result = await services['export.toFile'](args);
      files.wrote(result.path);
      return result;
    },
  };
}
