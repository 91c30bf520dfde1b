// test/fixtures/plans/*.plan.json are what the importer makes of the samples; the exporter's
// tests read them. This test keeps them from rotting: it fails when the importer's output
// changes. They are kept as version-1 files (no node ids: the importer's random ids are left
// out, and every node is checked to have one), so the exporter's tests also read v1 files.
// To refresh them after an intended change: UPDATE_FIXTURES=1 npx vitest run test/shared/import-fixtures
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePlanText } from '../../shared/import/analyze';
import { hasValidIds } from '../../shared/plan/ids';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { withoutIds } from '../helpers/ids';
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
      expect(doc.version).toBe(2);
      expect(hasValidIds(doc.body)).toBe(true);
      const json = JSON.stringify(withoutIds(doc, 1), null, 2) + '\n';
      const path = join(FIXTURES, file);
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(path, json);
      expect(existsSync(path)).toBe(true);
      const committed = readFileSync(path, 'utf8');
      expect(PlanDocumentSchema.safeParse(JSON.parse(committed)).success).toBe(true);
      expect(committed).toBe(json);
    });
  }
});
