// The draft journal in the library (issue 16, defect 3): unsaved changes kept where every start
// finds them, tied to the revision they were made on.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { openLibrary } from '../../electron/services/open-library';
import { tempDir } from '../helpers/temp-library';

describe('draft journal', () => {
  it('keeps a draft across a restart of the library, for the revision it was made on only', async () => {
    const dir = tempDir();
    try {
      let lib = openLibrary(dir, 'browser');
      const plan = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
      const edited = { ...plan.doc, meta: { ...plan.doc.meta, summary: '未保存的修改' } };
      expect(await lib.services['drafts.put']({ planId: plan.id, revision: plan.revision, doc: edited })).toEqual({ stored: true });
      lib.close();

      lib = openLibrary(dir, 'browser');
      const { draft } = await lib.services['drafts.get']({ planId: plan.id });
      expect(draft?.revision).toBe(plan.revision);
      expect(draft?.doc.meta.summary).toBe('未保存的修改');

      // A draft made on an older revision is neither stored nor given back.
      const saved = await lib.services['plans.save']({ id: plan.id, baseRevision: plan.revision, doc: plan.doc });
      expect((await lib.services['drafts.get']({ planId: plan.id })).draft).toBeNull();
      expect(await lib.services['drafts.put']({ planId: plan.id, revision: plan.revision, doc: edited })).toEqual({ stored: false });
      expect(await lib.services['drafts.put']({ planId: plan.id, revision: saved.revision, doc: edited })).toEqual({ stored: true });
      // Clearing below the current revision leaves the current draft; clearing past it removes it.
      await lib.services['drafts.clear']({ planId: plan.id, belowRevision: saved.revision });
      expect((await lib.services['drafts.get']({ planId: plan.id })).draft?.doc.meta.summary).toBe('未保存的修改');
      await lib.services['drafts.clear']({ planId: plan.id, belowRevision: saved.revision + 1 });
      expect((await lib.services['drafts.get']({ planId: plan.id })).draft).toBeNull();
      await expect(lib.services['drafts.get']({ planId: 'no-such-plan' })).rejects.toMatchObject({ code: 'not-found' });
      lib.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
