// Runs bench/*.bench.ts and prints one JSON document. Not a test: never fails on speed.
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
register();
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
const results = {};
for (const f of files) {
  const mod = await import(pathToFileURL(join(root, 'bench', f)).href);
  process.stderr.write(`bench: ${f} …\n`);
  results[f.replace(/\.bench\.ts$/, '')] = await mod.default();
}
process.stdout.write(JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2) + '\n');
