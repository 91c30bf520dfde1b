// docs/plan-format.md is the project's description of the exchange format: its example must
// be a valid version-2 document whose nodes carry unique ids.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasValidIds } from '../../shared/plan/ids';
import { PlanDocumentSchema } from '../../shared/plan/schema';

describe('docs/plan-format.md', () => {
  it('its example parses as a version-2 plan with node ids', () => {
    const md = readFileSync(resolve(__dirname, '../../docs/plan-format.md'), 'utf8');
    const jsonc = /```jsonc\n([\s\S]*?)```/.exec(md)![1]!;
    const json = jsonc
      .split('\n')
      .map((l) => l.replace(/\s+\/\/.*$/, ''))
      .join('\n')
      .replace(/"…"/g, '"x"')
      .replace(/\["…"\]/g, '["x"]');
    const doc = PlanDocumentSchema.parse(JSON.parse(json));
    expect(doc.version).toBe(2);
    expect(hasValidIds(doc.body)).toBe(true);
  });

  it('the schema and the templates point at the project’s own copy', () => {
    expect(readFileSync(resolve(__dirname, '../../shared/plan/schema.ts'), 'utf8')).toContain('docs/plan-format.md');
    expect(readFileSync(resolve(__dirname, '../../templates/README.md'), 'utf8')).toContain('(`docs/plan-format.md`');
  });
});
