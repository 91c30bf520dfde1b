// One call that every host (Electron main, browser mode, CLI, tests) uses to get the services.
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { AppInfo, ServiceImpl, Services } from '../../shared/contract';
import { createExportServices } from './export-service';
import { createReviewServices } from './review-service';
import { createTemplateServices, findTemplatesDir } from './templates-service';
import { rolloverPlan } from '../../shared/rollover';
import { join } from 'node:path';
import { openDatabase } from './db/open-db';
import { describeDbError } from './db/db-errors';
import { asServices, createLibraryServices } from './library';
import { createImportServices } from './import-service';
import { dbPathIn } from './paths';
import { APP_VERSION } from '../version';
import { createTeamHost, type TeamHost, type TeamHostOptions } from '../team/host';

export interface Library {
  services: Services;
  db: Database;
  dataDir: string;
  dbPath: string;
  /** Team mode started from the app (team.* services); stop() it before close(). */
  team: TeamHost;
  close(): void;
}

/** Operations only a desktop window can do; browser mode and the CLI answer "not here". */
export type HostServices = Pick<ServiceImpl, 'app.saveDialog' | 'app.showInFolder'>;

const NO_WINDOW_HOST: HostServices = {
  'app.saveDialog': () => ({ supported: false, path: null }),
  'app.showInFolder': () => ({ ok: false }),
};

export function openLibrary(
  dataDir: string,
  mode: AppInfo['mode'],
  opts: { nativeBinding?: string; host?: HostServices; templatesDir?: string; busyTimeoutMs?: number; team?: TeamHostOptions } = {},
): Library {
  const dbPath = dbPathIn(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw describeDbError(err, dbPath, true) ?? err;
  }
  const db = openDatabase(dbPath, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.busyTimeoutMs ? { busyTimeoutMs: opts.busyTimeoutMs } : {}),
  });
  const library = createLibraryServices(db, { info: { version: APP_VERSION, mode, dataDir, dbPath } });
  // The team host starts the team server on this library: it is given the library once made.
  const team = createTeamHost(() => opened, opts.team);
  const services = asServices(
    {
      ...library,
      ...createImportServices(),
      ...createExportServices(async (id) => (await library['plans.get']({ id })).doc),
      // A missing templates folder is reported by templates.list itself, never a start-up failure.
      ...createTemplateServices({ templatesDir: opts.templatesDir ?? findTemplatesDir() ?? join(dataDir, 'no-templates-folder'), library }),
      ...createReviewServices(db, library),
      'rollover.preview': async ({ id, year }) => rolloverPlan((await library['plans.get']({ id })).doc, year, { sourceId: id }),
      ...(opts.host ?? NO_WINDOW_HOST),
      ...team.services,
    },
    (err) => describeDbError(err, dbPath, false, opts.busyTimeoutMs) ?? err,
  );
  const opened: Library = {
    services,
    db,
    dataDir,
    dbPath,
    team,
    close: () => {
      if (db.open) db.close();
    },
  };
  return opened;
}
