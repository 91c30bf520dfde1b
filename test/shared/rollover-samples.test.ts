// Rolling the imported samples over to the next year: titles, plan-year rewrites, flags.
import { describe, expect, it } from 'vitest';
import { rolloverPlan } from '../../shared/rollover/index';
import type { BodyNode, PlanDocument, RolloverFlag } from '../../shared/plan/schema';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { loadFixture } from './checks-helpers';

const NOW = (y: number) => new Date(y, 0, 10);

function allNodes(body: readonly BodyNode[]): BodyNode[] {
  return body.flatMap((n) => (n.type === 'paragraph' ? [n] : [n, ...allNodes(n.children)]));
}
function tasksOf(doc: PlanDocument) {
  return allNodes(doc.body).filter((n) => n.type === 'task');
}
function nodeAtPath(doc: PlanDocument, path: string): BodyNode {
  const parts = path.split('/').slice(1);
  let list = doc.body;
  let node: BodyNode | undefined;
  for (const p of parts) {
    if (p === 'children') {
      list = (node as Exclude<BodyNode, { type: 'paragraph' }>).children;
      continue;
    }
    node = list[Number(p)]!;
  }
  return node!;
}
function textOf(n: BodyNode): string {
  return n.type === 'paragraph' ? n.text : `${n.title}\n${n.text ?? ''}`;
}
const ofKind = (flags: RolloverFlag[], kind: RolloverFlag['kind']) => flags.filter((f) => f.kind === kind);

describe('rollover 滕州 2020 → 2021', () => {
  const { doc: src } = loadFixture('tengzhou-2020');
  const r = rolloverPlan(src, 2021, { sourceId: 'abc', now: NOW(2021) });
  const { doc } = r;

  it('retitles by the year and records where it came from', () => {
    expect(doc.meta.year).toBe(2021);
    expect(doc.meta.title).toBe('2021年全市安全生产工作要点');
    expect(doc.meta.noticeTitle).toBe('滕州市安全生产委员会关于印发《2021年全市安全生产工作要点》的通知');
    expect(doc.notice!.title).toBe(doc.meta.noticeTitle);
    expect(doc.notice!.paragraphs[0]).toContain('《2021年全市安全生产工作要点》');
    expect(doc.basedOn).toEqual({ id: 'abc', title: '2020年全市安全生产工作要点', year: 2020 });
    expect(r.warnings).toEqual([]);
  });

  it('clears dates, 文号 and 索引号, the old warnings; keeps issuer and addressees', () => {
    expect(doc.meta.docNumber).toBeUndefined();
    expect(doc.meta.indexNumber).toBeUndefined();
    expect(doc.meta.writtenDate).toBeUndefined();
    expect(doc.meta.publishDate).toBeUndefined();
    expect(doc.notice!.date).toBeUndefined();
    expect(src.warnings.length).toBeGreaterThan(0);
    expect(doc.warnings).toEqual([]);
    expect(doc.meta.issuer).toBe('滕州市安全生产委员会');
    expect(doc.meta.addressees).toEqual(src.meta.addressees);
    expect(doc.numbering).toEqual(src.numbering);
    expect(PlanDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('updates the plan-year sentence, leaves the historical 2019 reference and flags it', () => {
    const opening = (doc.body[0] as { text: string }).text;
    expect(opening.startsWith('2021年是全面建成小康社会')).toBe(true);
    const hist = ofKind(r.flags, 'historical-year');
    expect(hist).toHaveLength(1);
    expect(hist[0]!.text).toBe('2019年全国生产安全事故主要特点和突出问题');
    expect(hist[0]!.anchor).toBe('深入开展习近平总书记关于安全生产重要论述的宣贯教育活动');
    expect(textOf(nodeAtPath(doc, hist[0]!.path))).toContain('1月23日就“2019年全国生产安全事故主要特点');
  });

  it('flags the stale “十三五” wording without rewriting it', () => {
    const stale = ofKind(r.flags, 'stale-period');
    expect(stale.map((f) => f.text)).toEqual(expect.arrayContaining(['“十三五”规划的收官之年', '“十三五”', '全面建成小康社会']));
    expect(stale.find((f) => f.text === '“十三五”规划的收官之年')!.path).toBe('body/0');
    expect(stale.find((f) => f.text === '“十三五”')!.anchor).toBe('加强安全生产统筹规划与实施');
    expect(JSON.stringify(doc.body)).toContain('打好安全生产“十三五”规划落实收官之战');
    // “十四五” is the new year's own period: no flag.
    expect(stale.some((f) => f.text.includes('十四五'))).toBe(false);
  });

  it('flags the May drill and the national on-site meeting as one-off events', () => {
    const ev = ofKind(r.flags, 'dated-event');
    const drill = ev.find((f) => f.text === '5月份全国防汛抗旱演练');
    expect(drill).toBeDefined();
    expect(drill!.anchor).toBe('提升生产安全事故应急救援能力');
    expect(drill!.message).toContain('2020 年的一次性安排');
    expect(ev.some((f) => f.text === '全国企业应急文化建设现场会议')).toBe(true);
  });

  it('keeps every task, unit and target', () => {
    expect(tasksOf(doc)).toHaveLength(19);
    expect(r.summary.tasks).toBe(19);
    const units = (d: PlanDocument) => tasksOf(d).map((t) => (t.type === 'task' ? [t.title, t.lead, t.support, t.unitsText] : []));
    expect(units(doc).map((u) => u.slice(1))).toEqual(units(src).map((u) => u.slice(1)));
    expect(r.summary.carriedUnits).toBe(new Set(tasksOf(src).flatMap((t) => (t.type === 'task' ? [...t.lead, ...t.support] : []))).size);
    // Flags are on the document too, and every path points at a node containing the words.
    expect(doc.flags).toEqual(r.flags);
    for (const f of r.flags.filter((x) => x.path.startsWith('body') && x.kind !== 'target-unconfirmed')) {
      expect(textOf(nodeAtPath(doc, f.path)).replace(/\n/g, '')).toContain(f.text);
    }
  });
});

describe('rollover 潞城 2025 → 2026', () => {
  const { doc: src } = loadFixture('lucheng-2025');
  const r = rolloverPlan(src, 2026, { now: NOW(2026) });

  it('retitles the government notice and the opening sentence', () => {
    expect(r.doc.meta.title).toBe('长治市潞城区人民政府关于做好2026年安全生产工作的通知');
    expect((r.doc.body[0] as { text: string }).text.startsWith('2026年，全区安全生产工作')).toBe(true);
    expect(r.doc.meta.docNumber).toBeUndefined();
  });

  it('flags 治本攻坚三年行动 as being in its last year (2024—2026)', () => {
    const stale = ofKind(r.flags, 'stale-period').filter((f) => f.text.includes('治本攻坚三年行动'));
    expect(stale.map((f) => f.path)).toEqual(['body/0', 'body/3/children/1']);
    expect(stale[0]!.message).toContain('2024—2026年');
    expect(stale[0]!.message).toContain('最后一年');
    // No “十四五” in this sample; the 2026 plan is in the 十五五 period.
    expect(r.flags.some((f) => f.text.includes('十四五'))).toBe(false);
  });

  it('rolled to 2027 the campaign is over', () => {
    const r27 = rolloverPlan(src, 2027, { now: NOW(2027) });
    const stale = ofKind(r27.flags, 'stale-period').filter((f) => f.text.includes('治本攻坚三年行动'));
    expect(stale).toHaveLength(2);
    expect(stale[0]!.message).toContain('已于 2026 年结束');
  });

  it('marks every target unconfirmed, one flag per target', () => {
    const targets = allNodes(r.doc.body).flatMap((n) => (n.type === 'paragraph' ? [] : (n.targets ?? [])));
    expect(targets.length).toBeGreaterThan(3);
    expect(targets.every((t) => t.unconfirmed === true)).toBe(true);
    expect(ofKind(r.flags, 'target-unconfirmed')).toHaveLength(targets.length);
    expect(r.summary.flagsByKind['target-unconfirmed']).toBe(targets.length);
  });

  it('flags 年底前 only once the new year is over', () => {
    expect(ofKind(r.flags, 'past-deadline')).toEqual([]);
    const late = rolloverPlan(src, 2026, { now: new Date(2027, 1, 1) });
    expect(ofKind(late.flags, 'past-deadline').map((f) => f.text)).toContain('年底前');
  });
});

describe('rollover 南浔 2021 → 2022', () => {
  const { doc: src } = loadFixture('nanxun-2021');
  const r = rolloverPlan(src, 2022, { now: NOW(2022) });
  const opening = (r.doc.body[0] as { text: string }).text;

  it('rewrites the year in the opening, titles and 《》, flags what the year no longer is', () => {
    expect(r.doc.meta.title).toBe('2022年南浔区应急管理工作要点');
    expect(r.doc.notice!.paragraphs[0]).toContain('《南浔区2022年应急管理工作要点》');
    expect(opening.startsWith('2022年是建党一百周年，是“十四五”规划的开局之年')).toBe(true);
    const bp = r.flags.filter((f) => f.path === 'body/0');
    expect(bp.find((f) => f.text === '建党一百周年')).toMatchObject({ kind: 'dated-event', message: expect.stringContaining('2021 年') });
    expect(bp.find((f) => f.text === '“十四五”规划的开局之年')).toMatchObject({ kind: 'stale-period' });
    expect(bp.find((f) => f.text === '全面建设社会主义现代化国家')).toMatchObject({ kind: 'stale-period' });
  });

  it('flags every 建党一百周年 (four places)', () => {
    expect(r.flags.filter((f) => f.text === '建党一百周年')).toHaveLength(4);
  });

  it('judges the 三年行动: the named campaign by its years, bare mentions by it, an unknown one for checking', () => {
    const three = ofKind(r.flags, 'stale-period').filter((f) => f.text.includes('三年行动'));
    expect(three.find((f) => f.text === '安全生产综合治理三年行动')!.message).toContain('最后一年');
    expect(three.filter((f) => f.text === '三年行动').every((f) => f.message.includes('2020—2022年'))).toBe(true);
    expect(three.find((f) => f.text === '安全素养提升三年行动')!.message).toContain('未能确定');
    const r23 = rolloverPlan(src, 2023, { now: NOW(2023) });
    expect(r23.flags.find((f) => f.text === '安全生产综合治理三年行动')!.message).toContain('已于 2022 年结束');
    expect(r23.warnings).toEqual([]);
  });

  it("flags the cited plenary sessions and the notice's 常务会议", () => {
    const ev = ofKind(r.flags, 'dated-event').map((f) => f.text);
    expect(ev).toEqual(expect.arrayContaining(['十九届五中全会', '第81次常务会议']));
    expect(r.flags.find((f) => f.text === '第81次常务会议')!.path).toBe('notice');
  });

  it('rolled back to 2021 (same year) it changes nothing but says so', () => {
    const same = rolloverPlan(src, 2021, { now: NOW(2021) });
    expect(same.doc.meta.title).toBe(src.meta.title);
    expect(same.warnings).toEqual([expect.stringContaining('相同')]);
    expect(same.flags.some((f) => f.text === '建党一百周年')).toBe(false);
  });
});
