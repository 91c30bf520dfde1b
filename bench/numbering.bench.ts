import { computeOrdinals } from '../shared/plan/numbering';
import type { Level } from '../shared/plan/schema';
import { median } from './util';

/** Renumbering a 400-task outline: the editor does this on every structural change. */
export default async function run(): Promise<Record<string, unknown>> {
  const levels: Level[] = [];
  for (let s = 0; s < 8; s++) {
    levels.push(1);
    for (let h = 0; h < 5; h++) {
      levels.push(2);
      for (let t = 0; t < 10; t++) levels.push(3);
    }
  }
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    computeOrdinals(levels, { perLevel: ['restart', 'restart', 'continuous', 'restart'] });
    times.push(performance.now() - t0);
  }
  return { items: levels.length, medianMs: median(times) };
}
