import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/services/open-library';

/** A real library (SQLite file) in a fresh temp folder. */
export function tempLibrary(): Library & { dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-test-'));
  const lib = openLibrary(dir, 'cli');
  return Object.assign(lib, {
    dispose() {
      lib.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plandesk-test-'));
}
