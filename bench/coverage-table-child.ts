// Child process of coverage-table.bench.ts: builds one 对照表 DOCX of the given shape and prints
// its peak memory (maxRSS). A separate process, so that the peak is the table's alone.
import { createExportServices } from '../electron/services/export-service';
import type { Services } from '../shared/contract';

const [rowsN, lines, chars] = process.argv.slice(2).map(Number) as [number, number, number];
const perRowLines = Math.max(1, Math.floor((lines - rowsN) / rowsN / 2));
const perLine = Math.max(1, Math.floor(chars / rowsN / (perRowLines * 2 + 1)));
const line = (c: string) => c.repeat(perLine);
const cell = (c: string) => Array.from({ length: perRowLines }, () => line(c)).join('\n');
const rows = Array.from({ length: rowsN }, () => ({ upper: line('上'), draft: cell('本'), status: '已落实', targets: cell('标') }));
const services = createExportServices({} as never) as Pick<Services, 'export.coverageTable'>;
const t0 = performance.now();
const out = await services['export.coverageTable']({ title: '对照表', rows });
process.stdout.write(
  JSON.stringify({ ms: Math.round(performance.now() - t0), bytes: out.bytes.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
