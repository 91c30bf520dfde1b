// The bundled templates in templates/ and filling them in (shared/templates).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renumber, walkOutline } from '../../shared/plan/numbering';
import type { PlanDocument, TaskNode } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';
import { instantiateTemplate, instantiateTemplateReport, levelOfPlace, placeFromIssuer, templateFromPlan, templatePlaceholders } from '../../shared/templates';

const dir = join(__dirname, '..', '..', 'templates');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.plan.json'))
  .sort();
const load = (f: string): PlanDocument => parsePlanDocument(JSON.parse(readFileSync(join(dir, f), 'utf8')));
const tasksOf = (doc: PlanDocument): TaskNode[] => {
  const out: TaskNode[] = [];
  walkOutline(doc.body, (n) => {
    if (n.type === 'task') out.push(n);
  });
  return out;
};

describe('bundled templates', () => {
  it('are the four kinds the issue asks for', () => {
    expect(files).toEqual(['county-yaodian.plan.json', 'emergency-yaodian.plan.json', 'government-notice.plan.json', 'township-yaodian.plan.json']);
  });

  it.each(files)('%s validates, is numbered as its settings say, and every task has units, a body and a title', (f) => {
    const doc = load(f);
    expect(doc.body).toEqual(renumber(doc.body, doc.numbering));
    const tasks = tasksOf(doc);
    expect(tasks.length).toBeGreaterThanOrEqual(f.startsWith('township') ? 10 : 15);
    for (const t of tasks) {
      expect(t.lead.length, t.title).toBeGreaterThan(0);
      expect(t.unitsText, t.title).toBeTruthy();
      expect(t.title).not.toMatch(/。$/);
      expect(t.text.length, t.title).toBeGreaterThan(40);
      for (const target of t.targets) expect(t.text).toContain(target.text);
    }
    expect(tasks.some((t) => t.targets.length > 0)).toBe(true);
    expect(doc.meta.title).toContain('【年度】');
    expect(doc.meta.issuer).toBe('【发文机关】');
    expect(doc.meta.addressees.length).toBeGreaterThan(0);
    expect(doc.notice?.signer).toBe('【发文机关】');
    const known = templatePlaceholders(doc);
    expect(known.every((p) => p.known)).toBe(true);
    expect(known.map((p) => p.placeholder)).toEqual(expect.arrayContaining(['【年度】', '【发文机关】']));
  });

  it('the notice template is the plan: tasks at level 2, （一）… straight through the sections', () => {
    const doc = load('government-notice.plan.json');
    const tasks = tasksOf(doc);
    expect(tasks.every((t) => t.level === 2)).toBe(true);
    expect(tasks.map((t) => t.ordinal)).toEqual(tasks.map((_, i) => i + 1));
    expect(doc.meta.title).toBe('【发文机关】关于做好【年度】年安全生产工作的通知');
    expect(doc.notice?.title).toBe(doc.meta.title);
  });

  it.each([
    ['county-yaodian.plan.json', '滕州市安全生产委员会', undefined, '2027年全市安全生产工作要点', '市应急管理局'],
    ['government-notice.plan.json', '长治市潞城区人民政府', undefined, '长治市潞城区人民政府关于做好2026年安全生产工作的通知', '区应急管理局'],
    ['emergency-yaodian.plan.json', '某某县应急管理局', undefined, '2026年全县应急管理工作要点', '县水利局'],
    ['township-yaodian.plan.json', '某某镇人民政府', undefined, '某某镇2026年安全生产工作要点', '镇应急管理办公室'],
    ['township-yaodian.plan.json', '中共某某街道工作委员会', '某某街道', '某某街道2026年安全生产工作要点', '街道应急管理办公室'],
  ])('%s filled in for %s leaves no placeholder behind', (f, issuer, place, title, unit) => {
    const year = Number(/\d{4}/.exec(title)![0]);
    const { doc, unknown } = instantiateTemplateReport(load(f), { year, issuer, ...(place ? { place } : {}) });
    expect(unknown).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/【|】/);
    expect(doc.meta.title).toBe(title);
    expect(doc.meta.year).toBe(year);
    expect(doc.meta.issuer).toBe(issuer);
    expect(doc.notice?.signer).toBe(issuer);
    expect(JSON.stringify(doc)).toContain(unit);
    expect(doc.warnings).toEqual([]);
    expect(() => parsePlanDocument(doc)).not.toThrow();
    expect(tasksOf(doc)).toHaveLength(tasksOf(load(f)).length);
  });

  it('reports what it cannot fill, in Chinese, and keeps the placeholder', () => {
    const tpl = load('county-yaodian.plan.json');
    const r = instantiateTemplateReport(tpl, { year: 2026, issuer: '安全生产委员会' });
    expect(r.unknown.join()).toContain('无法从发文机关“安全生产委员会”推断地区');
    expect(r.doc.meta.title).toContain('【级】');
    expect(r.doc.warnings[0]).toMatchObject({ code: 'template-placeholder' });

    const odd = structuredClone(tpl);
    odd.body.push({ type: 'paragraph', text: '联系人：【联系人】' });
    const r2 = instantiateTemplateReport(odd, { year: 2026, issuer: '某某县安全生产委员会' });
    expect(r2.unknown).toEqual([expect.stringContaining('不认识的占位符【联系人】')]);
    expect(r2.doc.warnings).toEqual([expect.objectContaining({ path: `body/${odd.body.length - 1}` })]);
    expect(templatePlaceholders(odd).at(-1)).toMatchObject({ placeholder: '【联系人】', known: false });
  });
});

describe('place from issuer', () => {
  it.each([
    ['滕州市安全生产委员会', '滕州市'],
    ['潞城区人民政府', '潞城区'],
    ['长治市潞城区人民政府', '潞城区'],
    ['长治市潞城区人民政府办公室', '潞城区'],
    ['某某县安委会办公室', '某某县'],
    ['某某县应急管理局', '某某县'],
    ['某某镇人民政府', '某某镇'],
    ['新市镇人民政府', '新市镇'],
    ['某某街道办事处', '某某街道'],
    ['杭州市西湖区西溪街道办事处', '西溪街道'],
    ['枣庄市市中区安全生产委员会', '市中区'],
    ['中共某某镇委员会', '某某镇'],
    ['达拉特旗人民政府', '达拉特旗'],
    ['安全生产委员会', null],
    ['', null],
  ])('%s → %s', (issuer, place) => {
    expect(placeFromIssuer(issuer)).toBe(place);
  });

  it.each([
    ['某某县', '县'],
    ['潞城区', '区'],
    ['滕州市', '市'],
    ['某某街道', '街道'],
    ['某某乡', '乡'],
    ['某某', null],
  ])('level of %s is %s', (place, level) => expect(levelOfPlace(place)).toBe(level));
});

describe('a plan saved as a template', () => {
  it('turns the plan year, issuer and place into placeholders and fills back for another year', () => {
    const plan = parsePlanDocument(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'plans', 'tengzhou-2020.plan.json'), 'utf8')));
    const tpl = templateFromPlan(plan);
    expect(tpl.meta.title).toBe(plan.meta.title.replace('2020', '【年度】'));
    expect(tpl.meta.issuer).toBe('【发文机关】');
    expect(tpl.meta.docNumber).toBeUndefined();
    const next = instantiateTemplate(tpl, { year: 2021, issuer: plan.meta.issuer! });
    expect(next.meta.title).toBe(plan.meta.title.replace('2020', '2021'));
    expect(JSON.stringify(next)).not.toContain('【');
    expect(tasksOf(next).map((t) => t.lead)).toEqual(tasksOf(plan).map((t) => t.lead));
  });
});
