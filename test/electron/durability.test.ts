// kill -9 during saves, a short run (issue 16): no acknowledged save lost, no torn save, the
// database passes integrity_check after every kill. The long run is `npm run bench -- durability`.
import { describe, expect, it } from 'vitest';
import { runDurability } from '../helpers/durability';

describe('durability under kill -9', () => {
  it('10 kills at random moments: nothing acknowledged is lost', async () => {
    const r = await runDurability({ kills: 10, seed: 2026 });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ kills: 10, lost: 0, torn: 0, integrityFailures: 0 });
    expect(r.acknowledgedSaves).toBeGreaterThan(10);
  }, 60_000);
});
