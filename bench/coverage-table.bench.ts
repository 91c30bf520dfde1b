// Peak memory of building the 对照表 DOCX at its limits (shared/contract.ts: 800 rows,
// 600,000 characters, 5,000 paragraphs) and at the size of a 500-task comparison, each in a
// child process of its own (issue 16: memory under ~300 MB for any accepted input).
//   npm run bench -- coverage-table
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MAX_COVERAGE_TABLE_CHARS, MAX_COVERAGE_TABLE_LINES, MAX_COVERAGE_TABLE_ROWS } from '../shared/contract';

const child = fileURLToPath(new URL('./coverage-table-child.ts', import.meta.url));

function measure(rows: number, lines: number, chars: number): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(rows), String(lines), String(chars)], { encoding: 'utf8' });
  return { rows, lines, chars, ...(JSON.parse(out) as Record<string, number>) };
}

export default async function coverageTable(): Promise<Record<string, unknown>> {
  const atLimits = measure(MAX_COVERAGE_TABLE_ROWS, MAX_COVERAGE_TABLE_LINES, MAX_COVERAGE_TABLE_CHARS);
  const fewRows = measure(200, MAX_COVERAGE_TABLE_LINES, MAX_COVERAGE_TABLE_CHARS);
  const typical = measure(500, 3500, 420_000);
  const worst = Math.max(atLimits.maxRssMB!, fewRows.maxRssMB!);
  return { atLimits, fewRowsManyParagraphs: fewRows, typical500Tasks: typical, goalMB: 300, meetsGoal: worst < 300 };
}
