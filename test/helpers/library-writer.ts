// A second writer on one library, run as its own process (`node --import tsx library-writer.ts …`)
// by the concurrency and durability tests and by bench/durability.bench.ts.
//
//   saves <dataDir> <planId> <count>   save the plan <count> times (fresh revision each time);
//                                      prints one JSON line: { ok, failed, errors }
//   ack <dataDir> <planId>             save forever, the doc's meta.summary = the save number;
//                                      prints "ack <n>" after each save returned (acknowledged)
//   migrate <dataDir>                  open the library (runs pending migrations) and exit
//   open <dataDir>                     open the library, print "ok" or the AppError as JSON
import { writeSync } from 'node:fs';
import { openLibrary } from '../../electron/services/open-library';
import { AppError } from '../../shared/errors';

const [mode, dataDir, planId, countArg] = process.argv.slice(2);

function line(s: string): void {
  writeSync(1, s + '\n');
}

async function main(): Promise<void> {
  if (mode === 'open' || mode === 'migrate') {
    if (mode === 'migrate') line('opening');
    try {
      openLibrary(dataDir!, 'cli').close();
      line('ok');
    } catch (err) {
      line(JSON.stringify(err instanceof AppError ? err.toJSON() : { code: 'thrown', message: String(err) }));
    }
    return;
  }
  const lib = openLibrary(dataDir!, 'cli');
  const s = lib.services;
  if (mode === 'saves') {
    let ok = 0;
    let failed = 0;
    const errors: string[] = [];
    for (let i = 0; i < Number(countArg); i++) {
      try {
        const rec = await s['plans.get']({ id: planId! });
        const doc = rec.doc;
        doc.meta.summary = `${process.pid}:${i}`;
        await s['plans.save']({ id: planId!, baseRevision: rec.revision, doc, ...(i % 2 ? { savePoint: '' } : {}) });
        ok++;
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push(`${(err as AppError).code ?? ''} ${(err as Error).message}`);
      }
    }
    lib.close();
    line(JSON.stringify({ ok, failed, errors }));
    return;
  }
  if (mode === 'ack') {
    let rec = await s['plans.get']({ id: planId! });
    let n = Number(rec.doc.meta.summary ?? 0) || 0;
    for (;;) {
      n++;
      const doc = rec.doc;
      doc.meta.summary = String(n);
      // Some saves keep a version too, so that more than one table is written.
      const summary = await s['plans.save']({ id: planId!, baseRevision: rec.revision, doc, ...(n % 7 === 0 ? { savePoint: `第 ${n} 次` } : {}) });
      line(`ack ${n}`);
      rec = { ...rec, revision: summary.revision, doc };
    }
  }
  throw new Error(`unknown mode ${String(mode)}`);
}

main().catch((err: unknown) => {
  line(JSON.stringify({ fatal: err instanceof AppError ? err.toJSON() : String(err) }));
  process.exitCode = 1;
});
