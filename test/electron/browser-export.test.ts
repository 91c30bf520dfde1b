// Browser mode never writes a file at a path that came from the page (issue 16, defect 6):
// export.toFile is refused with a Chinese message and nothing is written, absolute or relative;
// the desktop's export.toFile (a path from the save dialog) takes only an absolute path.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiCall, useServerProcess } from '../helpers/browser-process';
import { tempDir, tempLibrary } from '../helpers/temp-library';
import { emptyPlan } from '../../shared/plan/schema';
import { AppError } from '../../shared/errors';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ctx = useServerProcess();

const ready = () => {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  doc.meta.issuer = '某某县安全生产委员会';
  doc.meta.docNumber = '某安发〔2026〕1号';
  doc.meta.addressees = ['各乡镇人民政府'];
  doc.meta.writtenDate = '2026-02-01';
  return doc;
};

describe('browser mode: export.toFile', () => {
  it('writes nothing at a path from the page, absolute or relative, and says to download', async () => {
    const created = await apiCall(ctx.server, 'plans.create', { title: '2026年全县安全生产工作要点', year: 2026, doc: ready() });
    expect(created.status).toBe(200);
    const planId = (created.body as { result: { id: string } }).result.id;
    const outside = tempDir();
    const before = readdirSync(root).length;
    for (const path of [join(outside, 'x.docx'), 'relative-export.docx', '../escape.docx', join(ctx.home, 'plandesk.db')]) {
      const r = await apiCall(ctx.server, 'export.toFile', { planId, path });
      expect(r.status, path).toBe(403);
      const err = (r.body as { ok: boolean; error: { code: string; message: string } }).error;
      expect(err.code).toBe('forbidden');
      expect(err.message).toContain('下载列表');
    }
    expect(readdirSync(outside)).toEqual([]);
    rmSync(outside, { recursive: true, force: true });
    expect(existsSync(join(root, 'relative-export.docx'))).toBe(false);
    expect(existsSync(join(root, '..', 'escape.docx'))).toBe(false);
    expect(readdirSync(root).length).toBe(before);
    // The download path is still there.
    const rendered = await apiCall(ctx.server, 'export.render', { planId });
    expect(rendered.status).toBe(200);
    expect((rendered.body as { result: { bytes: Uint8Array } }).result.bytes.length).toBeGreaterThan(1000);
  });
});

describe('desktop: export.toFile', () => {
  it('refuses a relative path instead of writing beside the working directory', async () => {
    const lib = tempLibrary();
    try {
      const plan = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026, doc: ready() });
      const err = await lib.services['export.toFile']({ planId: plan.id, path: 'relative-export.docx' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toContain('完整的文件路径');
      expect(existsSync(join(process.cwd(), 'relative-export.docx'))).toBe(false);
      const out = join(tempDir(), '要点.docx');
      expect((await lib.services['export.toFile']({ planId: plan.id, path: out })).path).toBe(out);
      expect(existsSync(out)).toBe(true);
    } finally {
      lib.dispose();
    }
  });
});
