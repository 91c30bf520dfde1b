// Starting test/helpers/library-writer.ts as a separate process (a second PlanDesk on one library).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const WRITER = fileURLToPath(new URL('./library-writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function spawnWriter(args: readonly string[], opts: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** Runs the writer to its end; resolves with its stdout and exit code. */
export function runWriter(args: readonly string[], opts: SpawnOptions = {}): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawnWriter(args, opts);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ out, err, code }));
  });
}
