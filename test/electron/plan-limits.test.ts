// One schema with the same limits for every way in (issue 16, defect 8): the API (the
// dispatcher's contract), a .plan.json imported as a file, the CLI's `save`, and the library
// itself. Deep nesting is refused with a Chinese message, never "Maximum call stack size exceeded".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/transport/dispatch';
import { PLAN_LIMITS, emptyPlan, type BodyNode, type PlanDocument } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';
import { cli, useCliHome } from '../helpers/cli';
import { tempLibrary } from '../helpers/temp-library';

function nested(depth: number): PlanDocument {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  let list: BodyNode[] = doc.body;
  for (let i = 0; i < depth; i++) {
    const node: BodyNode = { type: 'heading', level: 1, ordinal: 1, title: `第${i + 1}层`, children: [] };
    list.push(node);
    list = node.children;
  }
  return doc;
}

function withTasks(n: number, text = ''): PlanDocument {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  for (let i = 1; i <= n; i++) doc.body.push({ type: 'task', level: 1, ordinal: i, title: `任务${i}`, text, lead: [], support: [], targets: [], children: [] });
  return doc;
}

const titled = (title: string) => emptyPlan(title, 2026);

/** Each bad document, and the words its refusal must contain. */
const BAD: Array<[string, () => PlanDocument, RegExp]> = [
  ['an empty title', () => titled(''), /标题不能为空/],
  ['a title of spaces', () => titled('   '), /标题不能为空/],
  ['a 9 MB title', () => titled('安'.repeat(9 * 1024 * 1024)), /标题不能超过 200 个字/],
  ['a 201-character title', () => titled('安'.repeat(201)), /标题不能超过 200 个字/],
  ['headings 10 deep', () => nested(10), /嵌套过深/],
  ['headings 100 deep', () => nested(100), /嵌套过深/],
  ['headings 1,000 deep', () => nested(1000), /嵌套过深/],
  ['headings 100,000 deep', () => nested(100_000), /嵌套过深/],
  ['too many nodes', () => withTasks(PLAN_LIMITS.nodes + 1), /节点过多/],
  [
    'a task title too long',
    () => ({ ...withTasks(1), body: [{ ...(withTasks(1).body[0] as never as object), title: '安'.repeat(PLAN_LIMITS.nodeTitleChars + 1) } as BodyNode] }),
    /不能超过/,
  ],
  ['a task text too long', () => withTasks(1, '安'.repeat(PLAN_LIMITS.textChars + 1)), /不能超过/],
  ['too much text in all', () => withTasks(20, '安'.repeat(Math.ceil(PLAN_LIMITS.totalChars / 20) + 10)), /文字过多/],
];

/** JSON that keeps a 100,000-deep tree (JSON.stringify itself recurses). */
function toJson(doc: PlanDocument): string {
  let depth = 0;
  for (let list = doc.body; list.length && list[0]!.type !== 'paragraph'; list = (list[0] as { children: BodyNode[] }).children) depth++;
  if (depth < 5000) return JSON.stringify(doc);
  const { body: _b, ...rest } = doc;
  const open = '{"type":"heading","level":1,"ordinal":1,"title":"层","children":[';
  return JSON.stringify({ ...rest, body: [] }).replace('"body":[]', `"body":[${open.repeat(depth)}${']}'.repeat(depth)}]`);
}

function expectChineseRefusal(message: string, words: RegExp) {
  expect(message).toMatch(words);
  expect(message).not.toMatch(/Maximum call stack|Too big|Too small|Invalid/);
}

const getHome = useCliHome();

describe('the same limits for every way in', () => {
  it('a well-formed plan at the limits is accepted', () => {
    expect(() => parsePlanDocument(JSON.parse(toJson(nested(PLAN_LIMITS.depth))))).not.toThrow();
    expect(() => parsePlanDocument(JSON.parse(toJson(titled('安'.repeat(200)))))).not.toThrow();
  });

  it.each(BAD)(
    '%s: refused by the API (save), the file import, the CLI and the library',
    async (_name, make, words) => {
      const json = toJson(make());
      // The plan file reader.
      let err = (() => {
        try {
          parsePlanDocument(JSON.parse(json));
        } catch (e) {
          return e as Error;
        }
      })();
      expectChineseRefusal(err!.message, words);

      const lib = tempLibrary();
      try {
        const rec = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
        // The API: the dispatcher parses the arguments with the contract.
        const dispatch = createDispatcher(lib.services);
        const api = await dispatch('plans.save', { id: rec.id, baseRevision: rec.revision, doc: JSON.parse(json) });
        expect(api.ok).toBe(false);
        if (!api.ok) expectChineseRefusal(api.error.message, words);
        // Importing the file.
        const imported = await dispatch('import.file', { fileName: 'a.plan.json', bytes: new TextEncoder().encode(json) });
        expect(imported.ok).toBe(false);
        // (a file over the importer's size cap is refused for its size first, also in Chinese)
        if (!imported.ok) expectChineseRefusal(imported.error.message, new RegExp(`${words.source}|文件过大`));
        // The library itself, called without the dispatcher (CLI, review import, templates).
        const direct: unknown = await lib.services['plans.save']({ id: rec.id, baseRevision: rec.revision, doc: JSON.parse(json) as PlanDocument }).catch(
          (e: Error) => e,
        );
        expect(direct).toBeInstanceOf(Error);
        err = direct as Error;
        expectChineseRefusal(err!.message, words);
        expect((await lib.services['plans.get']({ id: rec.id })).revision).toBe(rec.revision);
      } finally {
        lib.dispose();
      }

      // The CLI.
      const file = join(getHome(), 'bad.plan.json');
      writeFileSync(file, json);
      const r = await cli('save', file);
      expect(r.code).toBe(2);
      expectChineseRefusal(r.err, words);
      expect(JSON.parse((await cli('list', '--json')).out)).toEqual([]);
    },
    60_000,
  );
});

describe('plans stored before the limits', () => {
  it('a plan whose stored document has an empty title (an old autosave) still opens, with the title of its row', async () => {
    const lib = tempLibrary();
    try {
      const rec = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
      const doc = { ...rec.doc, meta: { ...rec.doc.meta, title: '' } };
      lib.db.prepare('UPDATE plans SET doc = ? WHERE id = ?').run(JSON.stringify(doc), rec.id);
      const again = await lib.services['plans.get']({ id: rec.id });
      expect(again.doc.meta.title).toBe('2026年全县安全生产工作要点');
      await lib.services['plans.save']({ id: rec.id, baseRevision: again.revision, doc: again.doc });
    } finally {
      lib.dispose();
    }
  });
});
