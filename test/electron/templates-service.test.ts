// Template services over a real temp library and a temp templates folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTemplateServices, findTemplatesDir, type TemplateServices } from '../../electron/services/templates-service';
import { parsePlanDocument } from '../../shared/validation';
import { tempDir, tempLibrary } from '../helpers/temp-library';

const repoTemplates = join(__dirname, '..', '..', 'templates');
const bundledFiles = readdirSync(repoTemplates).filter((f) => f.endsWith('.plan.json'));

let lib: ReturnType<typeof tempLibrary>;
let dir: string;
let svc: TemplateServices;

beforeEach(() => {
  lib = tempLibrary();
  dir = tempDir();
  for (const f of bundledFiles) copyFileSync(join(repoTemplates, f), join(dir, f));
  svc = createTemplateServices({ templatesDir: dir, library: lib.services });
});
afterEach(() => {
  lib.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('templates.list', () => {
  it('lists the bundled templates with names and descriptions', async () => {
    const { templates, broken } = await svc['templates.list']();
    expect(broken).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(bundledFiles.sort().map((f) => `bundled:${f}`));
    expect(templates.map((t) => t.name)).toContain('乡镇（街道）年度安全生产工作要点');
    expect(templates.every((t) => t.source === 'bundled' && !!t.description)).toBe(true);
  });

  it('lists a broken file with its reason (field path) and still loads the others', async () => {
    writeFileSync(join(dir, 'a-not-json.plan.json'), '{ oops');
    const bad = JSON.parse(readFileSync(join(dir, 'county-yaodian.plan.json'), 'utf8'));
    bad.meta.year = '二〇二六';
    bad.body[1].children[0].children[0].level = 5;
    writeFileSync(join(dir, 'b-invalid.plan.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'notes.txt'), 'not a template');
    const { templates, broken } = await svc['templates.list']();
    expect(templates).toHaveLength(bundledFiles.length);
    expect(broken).toEqual([
      { file: 'a-not-json.plan.json', reason: expect.stringContaining('不是有效的 JSON') },
      { file: 'b-invalid.plan.json', reason: expect.stringMatching(/meta\.year：.*数字.*body\.1\.children\.0\.children\.0\.level/) },
    ]);
    await expect(svc['plans.fromTemplate']({ templateId: 'bundled:b-invalid.plan.json', year: 2026, issuer: '某某县安委会' })).rejects.toThrow('有问题');
  });

  it('never throws when the folder is missing', async () => {
    const none = createTemplateServices({ templatesDir: join(dir, 'missing'), library: lib.services });
    const r = await none['templates.list']();
    expect(r.templates).toEqual([]);
    expect(r.broken[0]!.reason).toContain('找不到内置模板文件夹');
  });
});

describe('new plan from a template', () => {
  it('creates a plan (kind plan) with everything filled in', async () => {
    const rec = await svc['plans.fromTemplate']({ templateId: 'bundled:government-notice.plan.json', year: 2026, issuer: '长治市潞城区人民政府' });
    expect(rec.kind).toBe('plan');
    expect(rec.title).toBe('长治市潞城区人民政府关于做好2026年安全生产工作的通知');
    expect(rec.year).toBe(2026);
    expect(rec.taskCount).toBe(20);
    expect(JSON.stringify(rec.doc)).not.toContain('【');
    expect(JSON.stringify(rec.doc)).toContain('区应急管理局');
    const listed = await lib.services['plans.list']({});
    expect(listed.map((p) => p.id)).toEqual([rec.id]);
  });

  it('asks for the place when it cannot be derived, and checks year and issuer', async () => {
    const templateId = 'bundled:county-yaodian.plan.json';
    await expect(svc['plans.fromTemplate']({ templateId, year: 2026, issuer: '安委会' })).rejects.toMatchObject({
      code: 'invalid-args',
      message: expect.stringContaining('请另外填写地区'),
    });
    const ok = await svc['plans.fromTemplate']({ templateId, year: 2026, issuer: '安委会', place: '某某县' });
    expect(ok.title).toBe('2026年全县安全生产工作要点');
    await expect(svc['plans.fromTemplate']({ templateId, year: 1800, issuer: '某某县安委会' })).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(svc['plans.fromTemplate']({ templateId, year: 2026, issuer: ' ' })).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(svc['plans.fromTemplate']({ templateId: 'bundled:../package.json', year: 2026, issuer: '某某县安委会' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(svc['plans.fromTemplate']({ templateId: 'bundled:nope.plan.json', year: 2026, issuer: '某某县安委会' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('user templates', () => {
  it('另存为模板, rename, new plan from it, delete', async () => {
    const fixture = parsePlanDocument(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'plans', 'tengzhou-2020.plan.json'), 'utf8')));
    const plan = await lib.services['plans.create']({ title: fixture.meta.title, year: 2020, doc: fixture });

    const saved = await svc['templates.saveAs']({ planId: plan.id, name: '滕州市工作要点（本单位）' });
    expect(saved).toMatchObject({ source: 'user', name: '滕州市工作要点（本单位）', year: 2020 });
    const stored = await lib.services['plans.get']({ id: saved.id });
    expect(stored.kind).toBe('template');
    expect(stored.doc.meta.issuer).toBe('【发文机关】');
    expect(stored.doc.basedOn).toMatchObject({ id: plan.id, title: '【年度】年全市安全生产工作要点' });
    // the plan itself is untouched, and templates stay out of the plan list
    expect((await lib.services['plans.get']({ id: plan.id })).doc).toEqual(plan.doc);
    expect((await lib.services['plans.list']({})).map((p) => p.id)).toEqual([plan.id]);

    const renamed = await svc['templates.rename']({ id: saved.id, name: '县级要点模板' });
    expect(renamed.name).toBe('县级要点模板');
    const list = await svc['templates.list']();
    expect(list.templates.filter((t) => t.source === 'user')).toEqual([expect.objectContaining({ id: saved.id, name: '县级要点模板' })]);

    const next = await svc['plans.fromTemplate']({ templateId: saved.id, year: 2021, issuer: '滕州市安全生产委员会' });
    expect(next.title).toBe('2021年全市安全生产工作要点');
    expect(next.kind).toBe('plan');
    expect(next.taskCount).toBe(plan.taskCount);
    expect(next.doc.basedOn).toBeUndefined();

    await svc['templates.delete']({ id: saved.id });
    expect((await svc['templates.list']()).templates.some((t) => t.id === saved.id)).toBe(false);
    await expect(svc['plans.fromTemplate']({ templateId: saved.id, year: 2021, issuer: 'x市' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses bundled templates and plans in rename/delete, and empty names', async () => {
    await expect(svc['templates.delete']({ id: 'bundled:county-yaodian.plan.json' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('不能删除'),
    });
    await expect(svc['templates.rename']({ id: 'bundled:county-yaodian.plan.json', name: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const plan = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
    await expect(svc['templates.delete']({ id: plan.id })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('不是模板') });
    await expect(svc['templates.saveAs']({ planId: plan.id, name: '  ' })).rejects.toMatchObject({ code: 'invalid-args' });
    expect((await svc['templates.list']()).templates).toHaveLength(bundledFiles.length);
  });
});

describe('findTemplatesDir', () => {
  it('finds the repo templates folder, and honours PLANDESK_TEMPLATES', () => {
    expect(findTemplatesDir({})).toBe(repoTemplates);
    expect(findTemplatesDir({ PLANDESK_TEMPLATES: dir })).toBe(dir);
  });
});
