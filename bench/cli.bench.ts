// Start-up of the `plandesk` command as a user meets it: whole processes, side by side with
// `node -e 0` in the same run (issue 17: `--help` and `list` within 50 ms of bare Node), and
// `plandesk export` of a 400-task plan beside pandoc turning the same plan, written as Markdown,
// into DOCX (issue 17: the export within half of pandoc's time).
//   npm run bench -- cli            (CLI_BENCH_RUNS=n to change the number of runs, default 15)
// Each round runs every case once, in turn, so a busy moment of the machine hits all of them.
// Reported, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticPlan } from '../test/helpers/sample-plans';
import { PANDOC, pandocArgs, toMarkdown } from './plan-markdown';
import { median } from './util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'plandesk.cjs');

interface Case {
  name: string;
  /** The program run: Node (this one) unless given. */
  command?: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

function runOnce(c: Case, env: NodeJS.ProcessEnv, cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(c.command ?? process.execPath, c.args, { env: { ...env, ...c.env }, cwd, encoding: 'utf8' });
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
    const doc = syntheticPlan(400);
    writeFileSync(plan, JSON.stringify(doc));
    const md = join(dir, 'plan400.md');
    writeFileSync(md, toMarkdown(doc));
    const out = join(dir, 'plan400.docx');
    const exportCase = 'plandesk export (400 tasks)';
    const pandocCase = 'pandoc (same plan as Markdown)';
    const pandoc = existsSync(PANDOC);
    const env = { ...process.env, PLANDESK_HOME: home };
    const cases: Case[] = [
      { name: 'node -e 0', args: ['-e', '0'] },
      { name: 'plandesk --help', args: [bin, '--help'] },
      { name: 'plandesk list', args: [bin, 'list'] },
      // The warm-up run leaves the command's V8 code cache in the library folder (electron/cli/code-cache.ts).
      { name: exportCase, args: [bin, 'export', plan, '--out', out] },
      { name: 'plandesk export (400 tasks, no code cache)', args: [bin, 'export', plan, '--out', out], env: { PLANDESK_CODE_CACHE: '0' } },
      ...(pandoc ? [{ name: pandocCase, command: PANDOC, args: pandocArgs(md, join(dir, 'pandoc.docx')) }] : []),
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
      result[c.name] = { ...stats(xs), ...(c.name === 'node -e 0' || c.name === pandocCase ? {} : { overNodeMs: round1(median(xs) - baseline) }) };
    }
    const goal = (name: string) => {
      const over = median(times.get(name)!) - baseline;
      return { overNodeMs: round1(over), goalOverNodeMs: 50, meetsGoal: over <= 50 };
    };
    result.goals = { 'plandesk --help': goal('plandesk --help'), 'plandesk list': goal('plandesk list') };
    // The whole export process over the whole pandoc process, medians of the same rounds.
    if (pandoc) {
      const ratio = median(times.get(exportCase)!) / median(times.get(pandocCase)!);
      result.exportOverPandoc = { ratio: Math.round(ratio * 100) / 100, goalRatio: 0.5, meetsGoal: ratio <= 0.5 };
    } else {
      result.exportOverPandoc = { skipped: `${PANDOC} not found` };
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
