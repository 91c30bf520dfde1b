// Start-up of the `plandesk` command as a user meets it: whole processes, side by side with
// `node -e 0` in the same run (issue 17: `--help` and `list` within 50 ms of bare Node).
//   npm run bench -- cli            (CLI_BENCH_RUNS=n to change the number of runs, default 15)
// Each round runs every case once, in turn, so a busy moment of the machine hits all of them.
// Reported, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticPlan } from '../test/helpers/sample-plans';
import { median } from './util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'plandesk.cjs');

interface Case {
  name: string;
  args: string[];
}

function runOnce(c: Case, env: NodeJS.ProcessEnv, cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { env, cwd, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${c.name} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export default async function cliStartup(): Promise<Record<string, unknown>> {
  const runs = Math.max(10, Number(process.env.CLI_BENCH_RUNS) || 15);
  // The CLI runs from dist/: build it first when the sources changed (untimed).
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');

  const dir = mkdtempSync(join(tmpdir(), 'plandesk-bench-cli-'));
  try {
    const home = join(dir, 'library');
    const plan = join(dir, 'plan400.plan.json');
    writeFileSync(plan, JSON.stringify(syntheticPlan(400)));
    const out = join(dir, 'plan400.docx');
    const env = { ...process.env, PLANDESK_HOME: home };
    const cases: Case[] = [
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'plandesk --help', args: [bin, '--help'] },
      { name: 'plandesk list', args: [bin, 'list'] },
      { name: 'plandesk export (400 tasks)', args: [bin, 'export', plan, '--out', out] },
    ];
    // Warm-up: creates the (empty) library, and fills the file cache.
    for (const c of cases) runOnce(c, env, dir);
    const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
    for (let i = 0; i < runs; i++) for (const c of cases) times.get(c.name)!.push(runOnce(c, env, dir));

    const stats = (xs: number[]) => ({ medianMs: round1(median(xs)), minMs: round1(Math.min(...xs)), maxMs: round1(Math.max(...xs)) });
    const baseline = median(times.get('node -e 0')!);
    const result: Record<string, unknown> = { runs };
    for (const c of cases) {
      const xs = times.get(c.name)!;
      result[c.name] = { ...stats(xs), ...(c.name === 'node -e 0' ? {} : { overNodeMs: round1(median(xs) - baseline) }) };
    }
    const goal = (name: string) => {
      const over = median(times.get(name)!) - baseline;
      return { overNodeMs: round1(over), goalOverNodeMs: 50, meetsGoal: over <= 50 };
    };
    result.goals = { 'plandesk --help': goal('plandesk --help'), 'plandesk list': goal('plandesk list') };
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
