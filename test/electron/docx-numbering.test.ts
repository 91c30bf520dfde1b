// The Word list counter against ECMA-376 Part 1 §17.9 (numbering.xml / styles.xml written by
// hand here, so each rule is tested on its own), and the document.xml rewrite that feeds it.
import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumberingDefs, WordListCounter, type ParagraphNumPr } from '../../electron/import/docx-numbering';
import { labelDocumentXml } from '../../electron/import/docx-labels';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

interface Lvl {
  fmt?: string;
  text: string;
  start?: number;
  restart?: number;
  isLgl?: boolean;
  pStyle?: string;
  suff?: string;
}

function lvlXml(ilvl: number, l: Lvl): string {
  return (
    `<w:lvl w:ilvl="${ilvl}">` +
    (l.start !== undefined ? `<w:start w:val="${l.start}"/>` : '') +
    `<w:numFmt w:val="${l.fmt ?? 'decimal'}"/>` +
    (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
    (l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : '') +
    (l.isLgl ? '<w:isLgl/>' : '') +
    (l.suff ? `<w:suff w:val="${l.suff}"/>` : '') +
    `<w:lvlText w:val="${l.text}"/></w:lvl>`
  );
}

/** The usual Chinese outline: 一、 （一） 1. （1）, all starting at 1. */
const OUTLINE: Lvl[] = [
  { fmt: 'chineseCounting', text: '%1、', start: 1 },
  { fmt: 'chineseCounting', text: '（%2）', start: 1 },
  { fmt: 'decimal', text: '%3.', start: 1 },
  { fmt: 'decimal', text: '（%4）', start: 1 },
];

function numberingXml(abstracts: Record<string, Lvl[]>, nums: Record<string, { abstract: string; overrides?: string }>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>` +
    Object.entries(abstracts)
      .map(([id, lvls]) => `<w:abstractNum w:abstractNumId="${id}">${lvls.map((l, i) => lvlXml(i, l)).join('')}</w:abstractNum>`)
      .join('') +
    Object.entries(nums)
      .map(([id, n]) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${n.abstract}"/>${n.overrides ?? ''}</w:num>`)
      .join('') +
    '</w:numbering>'
  );
}

function labels(counter: WordListCounter, paras: ParagraphNumPr[]): Array<string | null> {
  return paras.map((p) => counter.next(p)?.label ?? null);
}

const item = (ilvl: number, numId = '1'): ParagraphNumPr => ({ numId, ilvl });
const BODY: ParagraphNumPr = {};

describe('formatNumber', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [0, 'chineseCounting', '〇'],
    [10, 'chineseCounting', '十'],
    [12, 'chineseCounting', '十二'],
    [20, 'chineseCounting', '二十'],
    [23, 'chineseCountingThousand', '二十三'],
    [105, 'chineseCountingThousand', '一百零五'],
    [11, 'japaneseCounting', '十一'],
    [110, 'japaneseCounting', '百十'],
    [3, 'ideographTraditional', '丙'],
    [10, 'ideographTraditional', '癸'],
    [11, 'ideographTraditional', '11'],
    [13, 'ideographZodiac', '13'],
    [2, 'ideographZodiac', '丑'],
    [3, 'decimalEnclosedCircle', '③'],
    [20, 'decimalEnclosedCircle', '⑳'],
    [21, 'decimalEnclosedCircle', '21'],
    [4, 'decimalEnclosedParen', '⑷'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [3, 'chineseLegalSimplified', '叁'],
    [110, 'chineseLegalSimplified', '壹佰壹拾'],
    [7, 'decimalZero', '07'],
    [14, 'upperRoman', 'XIV'],
    [9, 'lowerRoman', 'ix'],
    [28, 'upperLetter', 'BB'],
    [3, 'lowerLetter', 'c'],
    [12, 'decimalFullWidth', '１２'],
    [105, 'ideographDigital', '一〇五'],
    [5, 'someFutureFormat', '5'],
    [5, 'custom:001, 002, 003, ...', '005'],
    [12, 'custom:01, 02, 03, ...', '12'],
    [5, 'none', ''],
  ])('%i in %s is %s', (n, fmt, out) => {
    expect(formatNumber(n, fmt)).toBe(out);
  });
});

describe('WordListCounter (ECMA-376 §17.9)', () => {
  const outline = () => new WordListCounter(parseNumberingDefs(numberingXml({ 0: OUTLINE }, { 1: { abstract: '0' } }), undefined));

  it('labels follow lvlText and numFmt; body paragraphs between items do not reset the count', () => {
    expect(labels(outline(), [item(0), BODY, item(1), BODY, BODY, item(2), BODY, item(2), item(3), BODY, item(3), item(2), item(1), item(0)])).toEqual([
      '一、',
      null,
      '（一）',
      null,
      null,
      '1.',
      null,
      '2.',
      '（1）',
      null,
      '（2）',
      '3.',
      '（二）',
      '二、',
    ]);
  });

  it('a higher-level item restarts the levels below it', () => {
    expect(labels(outline(), [item(0), item(1), item(2), item(2), item(1), item(2), item(0), item(1), item(2)])).toEqual([
      '一、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '1.',
      '二、',
      '（一）',
      '1.',
    ]);
  });

  it('lvlRestart: 0 never restarts; 1 restarts only after level 1 (tasks run on through the （一） sections)', () => {
    const lv = (restart: number): WordListCounter =>
      new WordListCounter(
        parseNumberingDefs(numberingXml({ 0: [OUTLINE[0]!, OUTLINE[1]!, { ...OUTLINE[2]!, restart }] }, { 1: { abstract: '0' } }), undefined),
      );
    const seq = [item(0), item(1), item(2), item(2), item(1), item(2), item(0), item(1), item(2)];
    expect(labels(lv(1), seq)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '3.', '二、', '（一）', '1.']);
    expect(labels(lv(0), seq)).toEqual(['一、', '（一）', '1.', '2.', '（二）', '3.', '二、', '（一）', '4.']);
  });

  it('start values, and the default start 0 when w:start is absent', () => {
    const c = new WordListCounter(
      parseNumberingDefs(numberingXml({ 0: [{ fmt: 'chineseCounting', text: '%1、', start: 3 }, { text: '%2.' }] }, { 1: { abstract: '0' } }), undefined),
    );
    expect(labels(c, [item(0), item(1), item(1), item(0)])).toEqual(['三、', '0.', '1.', '四、']);
  });

  it('two w:num on one abstractNum share the counters', () => {
    const c = new WordListCounter(parseNumberingDefs(numberingXml({ 0: OUTLINE }, { 1: { abstract: '0' }, 2: { abstract: '0' } }), undefined));
    expect(labels(c, [item(0, '1'), item(0, '2'), item(1, '1'), item(1, '2'), item(0, '1')])).toEqual(['一、', '二、', '（一）', '（二）', '三、']);
  });

  it('lvlOverride/startOverride restarts the shared sequence at the w:num’s first paragraph; the list goes on from there', () => {
    const c = new WordListCounter(
      parseNumberingDefs(
        numberingXml(
          { 0: OUTLINE },
          { 1: { abstract: '0' }, 2: { abstract: '0', overrides: '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride>' } },
        ),
        undefined,
      ),
    );
    // Not a list of its own: after the restart, num 1 continues num 2's count (2., not 3.).
    expect(labels(c, [item(2, '1'), item(2, '1'), item(2, '2'), item(2, '1'), item(2, '2')])).toEqual(['1.', '2.', '1.', '2.', '3.']);
  });

  it('a heading list switching to an overriding w:num and back (start 8): 1–5, 8, 9, 10', () => {
    const c = new WordListCounter(
      parseNumberingDefs(
        numberingXml(
          { 3: [{ text: '%1.', start: 1 }] },
          { 1: { abstract: '3' }, 2: { abstract: '3', overrides: '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride>' } },
        ),
        undefined,
      ),
    );
    const seq = [1, 1, 1, 1, 1, 2, 1, 1].map((n) => item(0, String(n)));
    expect(labels(c, seq)).toEqual(['1.', '2.', '3.', '4.', '5.', '8.', '9.', '10.']);
  });

  it('LibreOffice’s pattern: first item on an overriding w:num (start 1), the rest on the plain one', () => {
    const c = new WordListCounter(
      parseNumberingDefs(
        numberingXml(
          { 1: OUTLINE },
          { 1: { abstract: '1' }, 3: { abstract: '1', overrides: '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' } },
        ),
        undefined,
      ),
    );
    expect(labels(c, [item(0, '3'), BODY, item(0, '1'), item(1, '1'), item(0, '1')])).toEqual(['一、', null, '二、', '（一）', '三、']);
  });

  it('an lvlOverride may redefine the level', () => {
    const c = new WordListCounter(
      parseNumberingDefs(
        numberingXml(
          { 0: OUTLINE },
          { 7: { abstract: '0', overrides: `<w:lvlOverride w:ilvl="0">${lvlXml(0, { fmt: 'decimalEnclosedCircle', text: '%1', start: 2 })}</w:lvlOverride>` } },
        ),
        undefined,
      ),
    );
    expect(labels(c, [item(0, '7'), item(0, '7')])).toEqual(['②', '③']);
  });

  it('numbering from the paragraph style and its basedOn chain; numId 0 removes it', () => {
    const styles =
      `<w:styles ${W}>` +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MyHeading2"><w:basedOn w:val="Heading2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Task"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '</w:styles>';
    const abstract = [OUTLINE[0]!, OUTLINE[1]!, { ...OUTLINE[2]!, pStyle: 'Task' }];
    const c = new WordListCounter(parseNumberingDefs(numberingXml({ 0: abstract }, { 1: { abstract: '0' } }), styles));
    expect(
      labels(c, [
        { styleId: 'Heading1' },
        { styleId: 'Normal' },
        { styleId: 'Heading2' },
        { styleId: 'Task' }, // no ilvl anywhere: the level whose w:pStyle is Task
        { styleId: 'Task', numId: '0' },
        { styleId: 'Task' },
        { styleId: 'MyHeading2' },
        { styleId: 'Heading1', ilvl: 1 }, // direct ilvl wins over the style's
        {}, // default paragraph style: not numbered
      ]),
    ).toEqual(['一、', null, '（一）', '1.', null, '2.', '（二）', '（三）', null]);
  });

  it('numStyleLink: the list takes its levels and counters from the numbering style', () => {
    const styles = `<w:styles ${W}><w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const xml = numberingXml({ 0: OUTLINE }, { 1: { abstract: '0' }, 2: { abstract: '5' } }).replace(
      '<w:num ',
      '<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="PlanList"/></w:abstractNum><w:num ',
    );
    const c = new WordListCounter(parseNumberingDefs(xml, styles));
    expect(labels(c, [item(0, '2'), item(0, '1'), item(0, '2')])).toEqual(['一、', '二、', '三、']);
  });

  it('%1.%2 patterns: Word label, and the level’s own number for the outline; isLgl shows decimals', () => {
    const c = new WordListCounter(
      parseNumberingDefs(
        numberingXml(
          {
            0: [
              { fmt: 'chineseCounting', text: '第%1章', start: 1 },
              { text: '%1.%2', start: 1, isLgl: true },
              { text: '（%1.%2.%3）', start: 1 },
            ],
          },
          { 1: { abstract: '0' } },
        ),
        undefined,
      ),
    );
    const got = [item(0), item(1), item(1), item(2), item(0), item(1)].map((p) => c.next(p));
    expect(got.map((g) => g?.label)).toEqual(['第一章', '1.1', '1.2', '（一.2.1）', '第二章', '2.1']);
    expect(got.map((g) => g?.outlineLabel)).toEqual(['第一章 ', '1 ', '2 ', '（1）', '第二章 ', '1 ']);
  });

  it('a level used before its parent shows the parent’s start value', () => {
    const c = new WordListCounter(
      parseNumberingDefs(
        numberingXml(
          {
            0: [
              { text: '%1.', start: 1 },
              { text: '%1.%2', start: 1 },
            ],
          },
          { 1: { abstract: '0' } },
        ),
        undefined,
      ),
    );
    expect(labels(c, [item(1), item(1), item(0), item(1)])).toEqual(['1.1', '1.2', '1.', '1.1']);
  });

  it('an unknown numId or level gives no label, and bullets give an empty one', () => {
    const c = new WordListCounter(parseNumberingDefs(numberingXml({ 0: [{ fmt: 'bullet', text: '•' }] }, { 1: { abstract: '0' } }), undefined));
    expect(c.next({ numId: '9', ilvl: 0 })).toBeNull();
    expect(c.next({ numId: '1', ilvl: 4 })).toBeNull();
    expect(c.next({ numId: '1', ilvl: 0 })).toMatchObject({ numFmt: 'bullet', label: '•' });
  });
});

describe('labelDocumentXml', () => {
  const defs = parseNumberingDefs(numberingXml({ 0: OUTLINE }, { 1: { abstract: '0' } }), undefined);
  const p = (inner: string) => `<w:p>${inner}</w:p>`;
  const num = (ilvl: number) => `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
  const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;

  it('inserts the label as the first run and switches mammoth’s list off; tables and text are untouched', () => {
    const xml =
      `<?xml version="1.0"?><w:document ${W}><w:body>` +
      p(num(0) + run('总体要求')) +
      p(run('正文')) +
      `<w:tbl><w:tr><w:tc>${p(run('单元格'))}</w:tc></w:tr></w:tbl>` +
      p(num(1) + run('压实&amp;责任')) +
      p(num(1)) + // empty: counted, not labelled
      p(num(1) + run('第三')) +
      '</w:body></w:document>';
    const { xml: out, labelled } = labelDocumentXml(xml, new WordListCounter(defs));
    expect(labelled).toBe(3);
    const off = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>';
    const label = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    expect(out).toBe(
      `<?xml version="1.0"?><w:document ${W}><w:body>` +
        p(off + label('一、') + run('总体要求')) +
        p(run('正文')) +
        `<w:tbl><w:tr><w:tc>${p(run('单元格'))}</w:tc></w:tr></w:tbl>` +
        p(off + label('（一）') + run('压实&amp;责任')) +
        p(off) +
        p(off + label('（三）') + run('第三')) +
        '</w:body></w:document>',
    );
  });

  it('a paragraph numbered by its style gets w:numId 0 added; tracked old properties (w:pPrChange) are ignored', () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const c = new WordListCounter(parseNumberingDefs(numberingXml({ 0: OUTLINE }, { 1: { abstract: '0' } }), styles));
    const xml =
      p('<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' + run('总体要求')) +
      p('<w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>' + run('原来有编号'));
    const { xml: out } = labelDocumentXml(xml, c);
    expect(out).toBe(
      p(
        `<w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">一、</w:t></w:r>` +
          run('总体要求'),
      ) + p('<w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr>' + run('原来有编号')),
    );
  });

  it('a numbered paragraph deleted with tracked changes is not counted (the text mammoth reads has it accepted)', () => {
    const deleted =
      '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="审核" w:date="2024-03-01T00:00:00Z"/></w:rPr></w:pPr>';
    const xml =
      p(num(0) + run('第一')) + p(deleted + '<w:del w:id="2" w:author="审核"><w:r><w:delText>删去的一项</w:delText></w:r></w:del>') + p(num(0) + run('第二'));
    const { xml: out, labelled } = labelDocumentXml(xml, new WordListCounter(defs));
    expect(labelled).toBe(2);
    expect([...out.matchAll(/preserve">([^<]+)</g)].map((m) => m[1])).toEqual(['一、', '二、']);
    expect(out).not.toContain('<w:numId w:val="1"/>'); // mammoth makes no list of the deleted one either
  });

  it('text boxes: the mc:Fallback copy is counted and labelled, the mc:Choice copy is not', () => {
    const box = (inner: string) =>
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>${inner}</w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${inner}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const xml = p(num(0) + run('第一')) + p(box(p(num(0) + run('框内')))) + p(num(0) + run('第三'));
    const { xml: out, labelled } = labelDocumentXml(xml, new WordListCounter(defs));
    expect(labelled).toBe(3);
    expect([...out.matchAll(/preserve">([^<]+)</g)].map((m) => m[1])).toEqual(['一、', '二、', '三、']);
    expect(out.indexOf('二、')).toBeGreaterThan(out.indexOf('mc:Fallback'));
  });
});
