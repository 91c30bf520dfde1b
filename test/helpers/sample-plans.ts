// Plan documents for the three sample plans. The importer's fixtures
// (test/fixtures/plans/<name>.plan.json) are used when they exist; until then a plan is built
// from the sample's expected outline (../shared/samples/*.expected.json) with the task text
// cut from the sample page text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanDocument } from '../../shared/validation';
import { toChineseNumeral } from '../../shared/plan/numbering';
import type { BodyNode, HeadingNode, Level, PlanDocument, TaskNode } from '../../shared/plan/schema';
import { HALF_TO_FULL } from '../../shared/text/punctuation';

export const REPO = join(import.meta.dirname, '..', '..');
export const SAMPLES_DIR = join(REPO, '..', 'shared', 'samples');
export const FIXTURES_DIR = join(REPO, 'test', 'fixtures', 'plans');

export const SAMPLE_NAMES = ['tengzhou-2020', 'lucheng-2025', 'nanxun-2021'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

const SAMPLE_FILES: Record<SampleName, string> = {
  'tengzhou-2020': 'tengzhou-2020-yaodian',
  'lucheng-2025': 'lucheng-2025-tongzhi',
  'nanxun-2021': 'nanxun-2021-yingji-yaodian',
};

interface ExpectedItem {
  kind: 'heading' | 'task';
  level: Level;
  ordinal: number;
  title: string;
  lead?: string[];
  support?: string[];
}

/** Half-width punctuation as copied from the web pages → the full-width forms of the documents. */
export function fullWidth(s: string): string {
  return s.replace(/[,:;()?!]/g, (c) => HALF_TO_FULL[c]!);
}

function labelOf(level: Level, ordinal: number, cn: (n: number) => string): string {
  return level === 1 ? `${cn(ordinal)}、` : level === 2 ? `（${cn(ordinal)}）` : level === 3 ? `${ordinal}.` : `（${ordinal}）`;
}

export function fixtureExists(name: SampleName): boolean {
  return existsSync(join(FIXTURES_DIR, `${name}.plan.json`));
}

export function loadSamplePlan(name: SampleName): { doc: PlanDocument; source: 'fixture' | 'sample-text' } {
  const fixture = join(FIXTURES_DIR, `${name}.plan.json`);
  if (existsSync(fixture)) {
    return { doc: parsePlanDocument(JSON.parse(readFileSync(fixture, 'utf8'))), source: 'fixture' };
  }
  return { doc: buildFromSample(name), source: 'sample-text' };
}

function buildFromSample(name: SampleName): PlanDocument {
  const base = SAMPLE_FILES[name];
  const expected = JSON.parse(readFileSync(join(SAMPLES_DIR, `${base}.expected.json`), 'utf8')) as {
    meta: PlanDocument['meta'];
    outline: ExpectedItem[];
  };
  const lines = readFileSync(join(SAMPLES_DIR, `${base}.txt`), 'utf8')
    .split(/\r?\n/)
    .map((l) => fullWidth(l.trim()))
    .filter(Boolean);
  const body: BodyNode[] = [];
  const stack: Array<HeadingNode | TaskNode> = [];
  let cursor = 0;
  for (const item of expected.outline) {
    const label = labelOf(item.level, item.ordinal, toChineseNumeral);
    const title = fullWidth(item.title);
    let text = '';
    let unitsText: string | undefined;
    for (let i = cursor; i < lines.length; i++) {
      if (lines[i]!.startsWith(label)) {
        cursor = i + 1;
        let rest = lines[i]!.slice(label.length);
        if (rest.startsWith(title)) rest = rest.slice(title.length).replace(/^。/, '');
        const units = /（([^（）]*(?:牵头|负责|落实|配合)[^（）]*)）$/.exec(rest);
        if (units) {
          unitsText = units[1];
          rest = rest.slice(0, units.index);
        }
        text = rest;
        break;
      }
    }
    while (stack.length && stack[stack.length - 1]!.level >= item.level) stack.pop();
    const node: HeadingNode | TaskNode =
      item.kind === 'heading'
        ? { type: 'heading', level: item.level, ordinal: item.ordinal, title, children: [] }
        : {
            type: 'task',
            level: item.level,
            ordinal: item.ordinal,
            title,
            text: text || '按照年度工作安排推进落实。',
            lead: item.lead ?? [],
            support: item.support ?? [],
            ...(unitsText ? { unitsText } : {}),
            targets: [],
            children: [],
          };
    if (item.kind === 'heading' && text) (node as HeadingNode).text = text;
    (stack.length ? stack[stack.length - 1]!.children : body).push(node);
    stack.push(node);
  }
  const meta = { ...expected.meta, addressees: expected.meta.addressees.map(fullWidth) };
  return parsePlanDocument({
    format: 'plandesk/plan',
    version: 1,
    meta: { ...meta, validity: '有效', disclosure: '主动公开', cc: ['市委办公室', '市人大常委会办公室', '市政府办公室', '市政协办公室'] },
    body,
  });
}

/** A synthetic plan with `tasks` tasks in sections of ten under level-1 and level-2 headings. */
export function syntheticPlan(tasks: number, opts: { textChars?: number } = {}): PlanDocument {
  const body: BodyNode[] = [];
  const filler = '坚持人民至上、生命至上，统筹发展和安全，深入推进安全生产治本攻坚三年行动，强化风险隐患排查整治，';
  const textFor = (i: number) => {
    const n = opts.textChars ?? 120 + ((i * 37) % 160);
    let t = '';
    while (t.length < n) t += filler;
    return t.slice(0, n - 1) + '。';
  };
  let made = 0;
  let s = 0;
  while (made < tasks) {
    s++;
    const section: HeadingNode = { type: 'heading', level: 1, ordinal: s, title: `第${s}方面重点工作`, children: [] };
    body.push(section);
    for (let h = 1; h <= 5 && made < tasks; h++) {
      const sub: HeadingNode = { type: 'heading', level: 2, ordinal: h, title: `强化第${h}项安全生产监管措施`, children: [] };
      section.children.push(sub);
      for (let t = 1; t <= 10 && made < tasks; t++) {
        made++;
        sub.children.push({
          type: 'task',
          level: 3,
          ordinal: t,
          title: `推进第${made}项重点任务落实见效`,
          text: textFor(made),
          lead: ['市应急管理局'],
          support: ['市安委会有关成员单位', '各镇街'],
          targets: [{ text: '完成率达到100%', value: 100, unit: '%' }],
          children: [],
        });
      }
    }
  }
  return parsePlanDocument({
    format: 'plandesk/plan',
    version: 1,
    meta: {
      title: '2026年全市安全生产工作要点',
      year: 2026,
      issuer: '某某市安全生产委员会',
      docNumber: '某安发〔2026〕1号',
      writtenDate: '2026-02-10',
      publishDate: '2026-02-12',
      addressees: ['各镇人民政府', '街道办事处', '市政府各部门'],
      cc: ['市委办公室'],
    },
    body,
  });
}
