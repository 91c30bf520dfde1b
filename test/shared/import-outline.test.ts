// Outline forms, numbering inference, principle lines, gaps, traditional text, HTML pages.
import { describe, expect, it } from 'vitest';
import { analyzePlanHtml, analyzePlanText } from '../../shared/import/analyze';
import { matchItem } from '../../shared/import/outline';
import { htmlToText } from '../../shared/import/html';
import { toLines } from '../../shared/import/lines';
import { PlanDocumentSchema, type BodyNode } from '../../shared/plan/schema';
import { flatten } from './import-samples.helpers';
import { idAtPath } from '../../shared/plan/ids';

describe('numbered lines, half- and full-width', () => {
  it.each([
    ['一、总体要求', 1, 1, '总体要求'],
    ['十二．工作要求', 1, 12, '工作要求'],
    ['（一）压实责任', 2, 1, '压实责任'],
    ['(二十四)培育安全文化。', 2, 24, '培育安全文化。'],
    ['1.深入开展宣传', 3, 1, '深入开展宣传'],
    ['12．加强监管', 3, 12, '加强监管'],
    ['3、完善机制', 3, 3, '完善机制'],
    ['（1）开展排查', 4, 1, '开展排查'],
    ['(10)开展排查', 4, 10, '开展排查'],
  ])('%s', (line, level, ordinal, rest) => {
    expect(matchItem(line)).toEqual({ level, ordinal, rest });
  });
  it.each(['2020年是收官之年', '1.5倍以上', '——坚持人民至上', '一是加强领导', '（此件公开发布）', '(0)无效'])('not an item: %s', (line) => {
    expect(matchItem(line)).toBeNull();
  });
  it('normalises full-width digits, NBSP, zero-width characters and CRLF', () => {
    expect(toLines('１．加强\u00a0监管\u200b\r\n\r\n（２）开展\u3000排查\r')).toEqual(['1．加强 监管', '（2）开展 排查']);
  });
});

function kinds(nodes: readonly BodyNode[]): string[] {
  return flatten({ body: nodes } as never).map((i) => `${i.kind}${i.level}.${i.ordinal} ${i.title}`);
}

describe('outline building', () => {
  it('restarting level-3 tasks under level-2 headings, level-4 items, principles stay paragraphs', () => {
    const text = [
      '2022年工作要点',
      '一、基本原则',
      '——坚持人民至上、生命至上。',
      '——坚持源头治理。',
      '二、重点任务',
      '（一）压实责任',
      '1.落实党政责任。制定清单。（市应急局牵头）',
      '2.落实企业责任。开展承诺。（市应急局牵头）',
      '（二）防范风险',
      '1.开展专项整治',
      '（1）危险化学品。开展排查。（市应急局负责）',
      '（2）道路交通。开展整治。（市公安局负责）',
      '2.强化执法。开展执法。（市应急局负责）',
    ].join('\n');
    const { doc } = analyzePlanText(text);
    expect(PlanDocumentSchema.safeParse(doc).success).toBe(true);
    expect(kinds(doc.body)).toEqual([
      'heading1.1 基本原则',
      'heading1.2 重点任务',
      'heading2.1 压实责任',
      'task3.1 落实党政责任',
      'task3.2 落实企业责任',
      'heading2.2 防范风险',
      'heading3.1 开展专项整治',
      'task4.1 危险化学品',
      'task4.2 道路交通',
      'task3.2 强化执法',
    ]);
    expect(doc.body[0]).toMatchObject({ type: 'heading', children: [{ type: 'paragraph', text: '——坚持人民至上、生命至上。' }, { type: 'paragraph' }] });
    expect(doc.numbering.perLevel).toEqual(['restart', 'restart', 'restart', 'restart']);
    expect(doc.warnings).toEqual([]);
  });

  it('continuous numbering, a task whose body is on the next line, a numbering gap', () => {
    const text = [
      '2022年工作要点',
      '一、组织领导',
      '1.落实责任。',
      '制定责任清单，明确分工。（市应急局牵头，各县区负责）',
      '2.强化考核。加大比重。（市应急局负责）',
      '二、隐患治理',
      '3.开展排查。全面排查。（市应急局负责）',
      '5.开展整治。全面整治。（市应急局负责）',
    ].join('\n');
    const { doc } = analyzePlanText(text);
    expect(doc.numbering.perLevel[2]).toBe('continuous');
    const first = (doc.body[0] as { children: BodyNode[] }).children[0];
    expect(first).toMatchObject({ type: 'task', title: '落实责任', text: '制定责任清单，明确分工。', lead: ['市应急局'], support: ['各县区'] });
    expect(doc.warnings).toEqual([
      {
        code: 'numbering-gap',
        message: '编号不连续：此处按顺序应为第4项，原文为第5项',
        path: 'body/1/children/1',
        nodeId: idAtPath(doc.body, 'body/1/children/1'),
        value: expect.any(String), // the anchor of issue 18
      },
    ]);
  });

  it('a bare section title is a heading; a jump in numbering is warned once, where it happens', () => {
    const text = [
      '2022年工作要点',
      '（一）组织领导',
      '1.落实责任。制定清单。（市应急局负责）',
      '（二）预留章节',
      '（三）隐患治理',
      '7.开展排查。全面排查。（市应急局负责）',
      '8.开展整治。全面整治。（市应急局负责）',
      '9.开展督查。全面督查。（市应急局负责）',
    ].join('\n');
    const { doc } = analyzePlanText(text);
    expect(kinds(doc.body)).toEqual([
      'heading2.1 组织领导',
      'task3.1 落实责任',
      'heading2.2 预留章节',
      'heading2.3 隐患治理',
      'task3.7 开展排查',
      'task3.8 开展整治',
      'task3.9 开展督查',
    ]);
    expect(doc.warnings).toEqual([
      {
        code: 'numbering-gap',
        message: '编号不连续：此处按顺序应为第1项，原文为第7项',
        path: 'body/2/children/0',
        nodeId: idAtPath(doc.body, 'body/2/children/0'),
        value: expect.any(String),
      },
    ]);
  });

  it('a paywall notice mid-page and a cut-off end are warned where they happen; nothing is invented', () => {
    const text = ['2022年工作要点', '一、重点任务', '1.落实责任。制定清单。（市应急局负责）', '登录后查看全文', '2.强化考核。加大考核比重，让干得好的'].join(
      '\n',
    );
    const { doc } = analyzePlanText(text);
    expect(doc.warnings).toEqual([
      expect.objectContaining({ code: 'text-gap', path: 'body/0/children/0', message: expect.stringContaining('登录后查看全文') }),
      expect.objectContaining({ code: 'text-truncated', path: 'body/0/children/1' }),
    ]);
    expect(JSON.stringify(doc.body)).not.toContain('登录后查看全文');
    expect((doc.body[0] as { children: Array<{ text: string }> }).children[1]!.text).toBe('加大考核比重，让干得好的');
  });

  it('text without any numbering becomes paragraphs with a warning', () => {
    const { doc } = analyzePlanText('今年要做好安全生产工作。\n全面排查隐患。');
    expect(doc.body).toHaveLength(2);
    expect(doc.warnings.map((w) => w.code)).toContain('no-outline');
  });
});

describe('traditional characters', () => {
  it('converts a traditional repost and says so', () => {
    const text = [
      '2021年全市安全生產工作要點',
      '一、總體要求',
      '1.壓實安全生產責任。認真貫徹落實責任制規定，建立職責清單。（市應急管理局牽頭，各鎮街負責落實）',
    ].join('\n');
    const { doc } = analyzePlanText(text);
    expect(doc.meta.title).toBe('2021年全市安全生产工作要点');
    expect(doc.warnings.map((w) => w.code)).toContain('traditional-converted');
    const task = (doc.body[0] as { children: Array<{ title: string; lead: string[]; support: string[] }> }).children[0]!;
    expect(task).toMatchObject({ title: '压实安全生产责任', lead: ['市应急管理局'], support: ['各镇街'] });
  });
});

describe('HTML pages', () => {
  const page = `<!doctype html><html><head><title>网站</title><script>var x = "一、不是正文";</script><style>p{}</style></head><body>
  <div class="nav"><a href="/">首页</a> | <a>政务公开</a></div>
  <div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>
  <table class="meta"><tr><td>索引号：</td><td>001/2023-01</td><td>发布机构：</td><td>某市应急局</td></tr>
  <tr><td>发文日期：</td><td>2023-03-01</td><td>文号：</td><td>某应急[2023]2号</td></tr></table>
  <div id="zoom"><p>某市应急局关于印发《2023年应急管理工作要点》的通知</p><p>各县区应急局：</p>
  <p>现将《2023年应急管理工作要点》印发给你们，请认真贯彻落实。</p>
  <p>2023年应急管理工作要点</p><p>一、重点任务</p><p>1.压实责任。制定清单。（市应急局牵头，各县区负责落实）</p>
  <p>2.强化考核。&nbsp;加大比重。<br>继续推进。（市应急局负责）</p></div>
  <div class="share">分享到：微信 微博</div><div class="footer">版权所有 某市人民政府 ICP备123号</div></body></html>`;

  it('takes the article and drops the site', () => {
    const { doc } = analyzePlanHtml(page);
    expect(doc.meta).toMatchObject({
      title: '2023年应急管理工作要点',
      indexNumber: '001/2023-01',
      docNumber: '某应急〔2023〕2号',
      publishDate: '2023-03-01',
      issuer: '某市应急局',
    });
    expect(kinds(doc.body)).toEqual(['heading1.1 重点任务', 'task3.1 压实责任', 'task3.2 强化考核']);
    const s = JSON.stringify(doc);
    expect(s).not.toMatch(/不是正文|分享到|ICP|当前位置/);
  });

  it('writes Word list numbering (<ol>) as labels under hand-typed levels', () => {
    const text = htmlToText(
      '<p>一、重点任务</p><ol><li>压实责任。制定清单。</li><li>强化考核。<ol><li>细项一。</li></ol></li></ol><ol start="3"><li>第三项。</li></ol>',
    );
    expect(text.split('\n')).toEqual(['一、重点任务', '（一）压实责任。制定清单。', '（二）强化考核。', '1.细项一。', '（三）第三项。']);
  });
});
