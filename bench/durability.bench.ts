import { runDurability } from '../test/helpers/durability';

/**
 * kill -9 during saves, the long run (the test runs 10 kills): a child process saves a 60-task
 * plan as fast as it can and is killed at random moments; after each kill the library is reopened
 * and checked. DURABILITY_KILLS sets the number of kills (default 100).
 */
export default async function run(): Promise<Record<string, unknown>> {
  const kills = Number(process.env.DURABILITY_KILLS ?? 100) || 100;
  const r = await runDurability({ kills, seed: Date.now() % 100_000 });
  return {
    kills: r.kills,
    acknowledgedSaves: r.acknowledgedSaves,
    lost: r.lost,
    integrityFailures: r.integrityFailures,
    torn: r.torn,
    killedWhileOpening: r.killedWhileOpening,
    problems: r.problems.slice(0, 20),
    seconds: Math.round(r.ms / 100) / 10,
  };
}
