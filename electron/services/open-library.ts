// One call that every host (Electron main, browser mode, CLI, tests) uses to get the services.
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { AppInfo, Services } from '../../shared/contract';
import { openDatabase } from './db/open-db';
import { asServices, createLibraryServices } from './library';
import { createImportServices } from './import-service';
import { dbPathIn } from './paths';
import { APP_VERSION } from '../version';

export interface Library {
  services: Services;
  db: Database;
  dataDir: string;
  dbPath: string;
  close(): void;
}

export function openLibrary(dataDir: string, mode: AppInfo['mode'], opts: { nativeBinding?: string } = {}): Library {
  mkdirSync(dataDir, { recursive: true });
  const dbPath = dbPathIn(dataDir);
  const db = openDatabase(dbPath, opts);
  const services = asServices({
    ...createLibraryServices(db, { info: { version: APP_VERSION, mode, dataDir, dbPath } }),
    ...createImportServices(),
  });
  return {
    services,
    db,
    dataDir,
    dbPath,
    close: () => {
      if (db.open) db.close();
    },
  };
}
