// The review round with LibreOffice as the reviewer: the office exports the draft for opinion,
// a Python script drives a headless soffice through its UNO bridge (test/helpers/lo-reviewer.py)
// to comment on a task, answer an existing comment, insert and delete words with change
// tracking on, and save as .docx and as .odt; both files are imported back into the library.
//
// Each run has its own soffice profile and pipe name, and the soffice process group is killed
// in `finally`. Skipped, with the reason in the test name, only when soffice or Python's `uno`
// module (Debian: python3-uno, see scripts/install-system-deps.sh) is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { flattenOutline } from '../../shared/plan/outline';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { tempLibrary } from '../helpers/temp-library';
import { consultationPlan } from './review-helpers';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', 'helpers', 'lo-reviewer.py');

/** A Python that can `import uno` (Debian's python3-uno is for /usr/bin/python3), or null. */
function unoPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(py, ['-c', 'import uno'], { stdio: 'pipe', timeout: 20_000 });
      return py;
    } catch {
      // next
    }
  }
  return null;
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const python = unoPython();
const missing = !hasSoffice()
  ? 'soffice (LibreOffice) is not installed'
  : !python
    ? "Python's uno module is not installed (apt-get install python3-uno)"
    : null;

const WHO = '王五（县住建局）';
const NEW = '建议明确检查频次';
const ANSWER = '同意，已对照省里文件';
const INSERTED = '，每季度通报一次';
const DELETED = '规范运行';

/** A library with the sample plan in the 征求意见稿 round and its four threads. */
async function consultationLibrary() {
  const lib = tempLibrary();
  const { id, revision } = await consultationPlan(lib);
  return { lib, planId: id, revision };
}

describe.skipIf(!!missing)(`review round trip with LibreOffice as the reviewer${missing ? ` — skipped: ${missing}` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-lo-review-'));
  const files: Record<'docx' | 'odt', Uint8Array> = { docx: new Uint8Array(), odt: new Uint8Array() };
  let exported: Uint8Array;
  const startedAt = Date.now();

  beforeAll(async () => {
    const { lib, planId } = await consultationLibrary();
    try {
      exported = new Uint8Array((await lib.services['export.review']({ planId })).bytes);
    } finally {
      lib.dispose();
    }
    writeFileSync(join(dir, '征求意见稿.docx'), exported);
    const pipe = `plandesk_${process.pid}_${randomBytes(6).toString('hex')}`;
    let soffice: ChildProcess | null = null;
    try {
      // Its own group, so that soffice.bin (started by the soffice script) goes with it.
      soffice = spawn(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--invisible',
          '--nologo',
          '--norestore',
          '--nolockcheck',
          '--nodefault',
          `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
        ],
        { detached: true, stdio: 'ignore' },
      );
      const job = {
        pipe,
        author: WHO,
        input: join(dir, '征求意见稿.docx'),
        docx: join(dir, '县住建局反馈.docx'),
        odt: join(dir, '县住建局反馈.odt'),
        comment: { phrase: '推进小微企业', text: NEW },
        reply: { to: '此处表述需与省里文件一致', text: ANSWER },
        insert: { after: '加强企业大型设备检维修管理', text: INSERTED },
        delete: DELETED,
      };
      writeFileSync(join(dir, 'job.json'), JSON.stringify(job));
      await run(python!, [SCRIPT, join(dir, 'job.json')], { timeout: 150_000 }).catch(
        (err: { code?: unknown; signal?: unknown; stderr?: string; stdout?: string }) => {
          throw new Error(`lo-reviewer.py failed (exit ${String(err.code)}, signal ${String(err.signal)}): ${err.stderr ?? ''}${err.stdout ?? ''}`);
        },
      );
      files.docx = new Uint8Array(readFileSync(job.docx));
      files.odt = new Uint8Array(readFileSync(job.odt));
    } finally {
      if (soffice?.pid) {
        try {
          process.kill(-soffice.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['docx', 'odt'] as const) {
    it(`imports the reviewer's .${format}: the right tasks, threads, units and round; the same file again brings nothing`, async () => {
      const { lib, planId, revision } = await consultationLibrary();
      try {
        const s = lib.services;
        const fileName = `县住建局反馈.${format}`;
        const [a] = await s['review.analyse']({ planId, files: [{ fileName, bytes: new Uint8Array(files[format]) }] });
        expect(a!.samePlan.same).toBe(true);
        expect(a!.unit).toBe('县住建局');
        // The office's own 4 threads (6 comments) and 3 suggestions are recognised, though
        // LibreOffice 7.4 writes the replies back as comments of their own.
        expect(a!.known).toBeGreaterThanOrEqual(9);
        const byText = new Map(a!.items.map((it) => [it.text, it]));
        expect(a!.items).toHaveLength(4);
        expect(byText.get(NEW)).toMatchObject({ kind: 'comment', task: expect.stringContaining('完善落实安全生产责任制') });
        // LibreOffice records no link from an answer to its comment: it is a thread of its own,
        // on the words of the comment it answers (task 1).
        expect(byText.get(ANSWER)).toMatchObject({ kind: 'comment', task: expect.stringContaining('深入开展习近平总书记') });
        expect(byText.get(INSERTED)).toMatchObject({ kind: 'insertion', task: expect.stringContaining('完善落实安全生产责任制') });
        expect(byText.get(DELETED)).toMatchObject({ kind: 'deletion', task: expect.stringContaining('完善落实安全生产责任制') });

        const threadsBefore = await s['review.threads.list']({ planId });
        const r = await s['review.import']({ planId, baseRevision: revision, files: [{ fileName, bytes: new Uint8Array(files[format]), unit: a!.unit }] });
        expect(r).toMatchObject({ comments: 2, replies: 0, insertions: 1, deletions: 1, detached: 0 });
        const threads = await s['review.threads.list']({ planId });
        const added = threads.filter((t) => !threadsBefore.some((b) => b.id === t.id));
        expect(added.map((t) => t.comments.map((c) => [c.author, c.unit, c.body]))).toEqual(
          expect.arrayContaining([[['王五', '县住建局', NEW]], [['王五', '县住建局', ANSWER]]]),
        );
        expect(added).toHaveLength(2);
        // The comments keep the time LibreOffice gave them (this run's).
        const back = await readReturnedDocx(fileName, files[format]);
        for (const text of [NEW, ANSWER]) expect(Math.abs(Date.parse(back.items.find((it) => it.text === text)!.date!) - startedAt)).toBeLessThan(10 * 60_000);
        // The office's threads are as they were.
        expect(threads.filter((t) => threadsBefore.some((b) => b.id === t.id))).toEqual(threadsBefore);

        const plan = await s['plans.get']({ id: planId });
        const task2 = flattenOutline(plan.doc.body).find((i) => i.title === '完善落实安全生产责任制')!.node;
        expect(task2.type === 'task' ? task2.text : '').toContain(`加强企业大型设备检维修管理${INSERTED}`);

        const rows = (await s['review.opinions.list']({ planId })).filter((row) => row.unit === '县住建局');
        expect(rows.map((row) => row.content).sort()).toEqual([NEW, ANSWER, '建议增加：每季度通报一次', `建议删除：${DELETED}`].sort());
        expect(new Set(rows.map((row) => row.round))).toEqual(new Set(['consultation']));
        expect(rows.find((row) => row.content === NEW)!.task).toContain('完善落实安全生产责任制');

        const again = await s['review.import']({
          planId,
          baseRevision: r.revision,
          files: [{ fileName, bytes: new Uint8Array(files[format]), unit: '县住建局' }],
        });
        expect(again).toMatchObject({ revision: r.revision, nothingNew: true });
      } finally {
        lib.dispose();
      }
    });
  }
});
