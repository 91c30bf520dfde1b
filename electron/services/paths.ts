// Where the library lives. Electron passes app.getPath('userData'); browser mode and the CLI
// use ~/.plandesk; PLANDESK_HOME overrides both (tests, portable installs).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DB_FILE_NAME = 'plandesk.db';

export function resolveDataDir(electronUserData?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLANDESK_HOME && env.PLANDESK_HOME.trim()) return env.PLANDESK_HOME;
  if (electronUserData) return electronUserData;
  return join(homedir(), '.plandesk');
}

export function dbPathIn(dataDir: string): string {
  return join(dataDir, DB_FILE_NAME);
}
