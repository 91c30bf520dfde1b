// How cli.cjs runs a command other than `list`: cli-main.cjs (every command, with docx and zod
// bundled in) compiled with the V8 code cache of the command's earlier runs (./code-cache.ts,
// issue 17). Only in the built command line: scripts/build.mjs points cli.ts's import('./cli/main')
// here, and this file at the bundle beside cli.cjs; run from source, cli.ts imports ./main itself.
// The cache lives in the library folder's cache/ (PLANDESK_CODE_CACHE=0: none).
import { join } from 'node:path';
import { resolveDataDir } from '../services/paths';
import { requireWithCodeCache } from './code-cache';
import type { runCli as RunCli } from './main';

export async function runCli(argv: string[]): Promise<number> {
  const cacheDir = process.env.PLANDESK_CODE_CACHE === '0' ? undefined : join(resolveDataDir(), 'cache');
  // One cache per command: each compiles the functions it needs. Unknown names share one.
  const tag = /^[a-z][a-z-]*$/.test(argv[0] ?? '') ? argv[0]! : 'other';
  const main = requireWithCodeCache(join(__dirname, 'cli-main.cjs'), cacheDir, tag);
  const code = await (main.exports as { runCli: typeof RunCli }).runCli(argv);
  // A failed run may have stopped before most of the work: its cache would be a poor one.
  if (code === 0) main.save();
  return code;
}
