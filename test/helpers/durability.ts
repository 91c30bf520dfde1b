// kill -9 during saves: a child process saves to a library as fast as it can and says "ack n"
// after each save returned; it is killed (SIGKILL) at a random moment — sometimes while it is
// still opening the library — and the library is reopened and checked: no acknowledged save
// lost, the document and its revision saved together, integrity_check ok. Used by
// test/electron/durability.test.ts (short) and bench/durability.bench.ts (long).
import { openLibrary } from '../../electron/services/open-library';
import { emptyPlan } from '../../shared/plan/schema';
import { spawnWriter } from './spawn-writer';
import { tempDir } from './temp-library';
import { rng } from './rng';

export interface DurabilityResult {
  kills: number;
  acknowledgedSaves: number;
  lost: number;
  integrityFailures: number;
  /** Saves found whose revision does not match their number (a torn save). */
  torn: number;
  /** Kills that landed before the first acknowledged save of the run (while opening). */
  killedWhileOpening: number;
  problems: string[];
  ms: number;
}

/** One child run: resolves with the last acknowledged save number (0 if none) once it is dead. */
function runUntilKilled(dir: string, planId: string, random: () => number): Promise<{ lastAck: number; acks: number; beforeFirstAck: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawnWriter(['ack', dir, planId]);
    let buffer = '';
    let lastAck = 0;
    let acks = 0;
    let armed = false;
    let killedAtAcks = -1;
    const kill = () => {
      killedAtAcks = acks;
      child.kill('SIGKILL');
    };
    // One run in five is killed at a random moment after start, whatever it is doing (opening,
    // WAL recovery); the others some time after their first acknowledged save.
    if (random() < 0.2) {
      armed = true;
      setTimeout(kill, 200 + random() * 1500);
    }
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^ack (\d+)$/.exec(line);
        if (m) {
          lastAck = Number(m[1]);
          acks++;
        }
      }
      if (!armed && acks > 0) {
        armed = true;
        setTimeout(kill, random() * 400);
      }
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${String(signal)}): ${err.slice(0, 500)} ${buffer.slice(0, 500)}`));
      else resolve({ lastAck, acks, beforeFirstAck: killedAtAcks === 0 });
    });
  });
}

export async function runDurability(opts: { kills: number; seed?: number; tasks?: number }): Promise<DurabilityResult> {
  const t0 = performance.now();
  const random = rng(opts.seed ?? 16);
  const dir = tempDir();
  const seedLib = openLibrary(dir, 'cli');
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  for (let t = 1; t <= (opts.tasks ?? 60); t++) {
    doc.body.push({
      type: 'task',
      level: 1,
      ordinal: t,
      title: `压实安全生产责任${t}`,
      text: '严格落实'.repeat(20),
      lead: ['县应急局'],
      support: ['各乡镇'],
      targets: [],
      children: [],
    });
  }
  const planId = (await seedLib.services['plans.create']({ title: doc.meta.title, year: 2026, doc })).id;
  seedLib.close();

  const result: DurabilityResult = { kills: 0, acknowledgedSaves: 0, lost: 0, integrityFailures: 0, torn: 0, killedWhileOpening: 0, problems: [], ms: 0 };
  for (let k = 0; k < opts.kills; k++) {
    const run = await runUntilKilled(dir, planId, random);
    result.kills++;
    result.acknowledgedSaves += run.acks;
    if (run.beforeFirstAck) result.killedWhileOpening++;
    let lib;
    try {
      lib = openLibrary(dir, 'cli');
    } catch (err) {
      result.integrityFailures++;
      result.problems.push(`kill ${k}: reopening failed: ${(err as Error).message}`);
      break;
    }
    try {
      if (lib.db.pragma('integrity_check', { simple: true }) !== 'ok') {
        result.integrityFailures++;
        result.problems.push(`kill ${k}: integrity_check failed`);
      }
      const rec = await lib.services['plans.get']({ id: planId });
      const saved = Number(rec.doc.meta.summary ?? 0) || 0;
      if (saved < run.lastAck) {
        result.lost += run.lastAck - saved;
        result.problems.push(`kill ${k}: acknowledged save ${run.lastAck}, found ${saved}`);
      }
      // Save n made revision n + 1: the document and its revision were written together.
      if (rec.revision !== saved + 1) {
        result.torn++;
        result.problems.push(`kill ${k}: save ${saved} at revision ${rec.revision}`);
      }
    } finally {
      lib.close();
    }
  }
  result.ms = Math.round(performance.now() - t0);
  return result;
}
