// test/fixtures/plans/*.plan.json are what the importer makes of the samples; the exporter's
// tests read them. This test keeps them from rotting: it fails when the importer's output
// changes. To refresh them after an intended change: UPDATE_FIXTURES=1 npx vitest run test/shared/import-fixtures
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlanText } from '../../shared/import/analyze';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { readSample } from './import-samples.helpers';

const FIXTURES = resolve(__dirname, '../fixtures/plans');
const MAP: Array<[string, string]> = [
  ['tengzhou-2020-yaodian', 'tengzhou-2020.plan.json'],
  ['lucheng-2025-tongzhi', 'lucheng-2025.plan.json'],
  ['nanxun-2021-yingji-yaodian', 'nanxun-2021.plan.json'],
];

describe('committed fixture plans equal the importer output', () => {
  for (const [sample, file] of MAP) {
    it(file, () => {
      const { doc } = analyzePlanText(readSample(sample).text, { sourceName: `${sample}.txt` });
      const json = JSON.stringify(doc, null, 2) + '\n';
      const path = join(FIXTURES, file);
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(path, json);
      expect(existsSync(path)).toBe(true);
      const committed = readFileSync(path, 'utf8');
      expect(PlanDocumentSchema.safeParse(JSON.parse(committed)).success).toBe(true);
      expect(committed).toBe(json);
    });
  }
});
