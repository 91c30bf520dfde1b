// Running `plandesk` in-process in tests, against a fresh library folder per test.
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { tempDir } from './temp-library';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

/**
 * A fresh PLANDESK_HOME for every test (and the given variables cleared), restored afterwards.
 * Returns a getter for the current home folder.
 */
export function useCliHome(clear: readonly string[] = []): () => string {
  let home = '';
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const key of ['PLANDESK_HOME', ...clear]) saved.set(key, process.env[key]);
    home = tempDir();
    process.env.PLANDESK_HOME = home;
    for (const key of clear) delete process.env[key];
  });
  afterEach(() => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  return () => home;
}
