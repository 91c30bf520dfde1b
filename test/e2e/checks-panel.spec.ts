// 校对 (issue 18): findings grouped by kind with counts, 全部修正 as one undo step, 正在校对…
// before the first results, leftover pinyin and mojibake found, and an old plan's import
// warning about the year gone once the year was set.
import { expect, test } from '@playwright/test';
import { pageApi, useApp } from './app';

const app = useApp();

const task = (title: string, text: string, lead: string[], support: string[]) => ({
  type: 'task',
  level: 3,
  ordinal: 1,
  title,
  text,
  lead,
  support,
  targets: [],
  children: [],
});

/** A plan saved before issue 18, with several kinds of findings and an old import warning. */
const DOC = {
  format: 'plandesk/plan',
  version: 1,
  meta: { title: '2021年全县安全生产工作要点', year: 2021, issuer: '某县安全生产委员会', addressees: [], cc: [] },
  body: [
    {
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '重点工作',
      children: [
        {
          type: 'heading',
          level: 2,
          ordinal: 1,
          title: '压实安全生产责任',
          children: [
            task('落实党政领导责任', '制定责任清单,明确分工(每季度通报一次)。', ['县应急局'], ['各乡镇']),
            task('落实部门监管责任', '按照管行业必须管安全的要求,履行监管职责。', ['县应急局'], ['县直有关部门']),
            task('落实企业主体责任', '督促企业建立全员责任制;开展自查自改。', ['县应急局'], ['各乡镇']),
            task('强化考核巡查', '开展安全生产考核,结果纳入综合考核。', ['县委组织部'], ['县应急局']),
            task('开展危险化学品整治', '依法(jù)实施专项整治，消除重大隐患。', ['县应急局'], ['县公安局']),
            task('推进道路交通安全', '加强安全（ān quán）宣传，整治重点路段。', ['县公安局'], ['县交通运输局']),
            task('加强森林防火', '落实鍥犱负閲嶇偣时段巡护措施。', [], ['县林业局', '各乡镇']),
            task('抓好校园安全', '开展应急演练，排查校舍隐患。', [], ['县教育局', '县公安局']),
            task('加强城镇燃气安全', '开展燃气管网隐患排查整治。', [], ['县住建局', '县市场监管局']),
          ],
        },
      ],
    },
  ],
  warnings: [
    { code: 'no-year', message: '未识别到计划年份，已暂定为2026年，请核对', path: 'meta/year' },
    { code: 'traditional-converted', message: '原文为繁体字，已自动转换为简体字，请核对单位名称等专有名词', path: 'meta' },
  ],
};

test('校对: groups with counts, 全部修正 undone by one Ctrl+Z, pinyin and mojibake, resolved import warnings', async ({ page }) => {
  await page.goto(app().url);
  await expect(page.getByRole('button', { name: '新建', exact: true })).toBeVisible();
  const record = await pageApi<{ id: string }>(page, 'plans.create', { title: DOC.meta.title, year: 2021, doc: DOC });
  await page.evaluate((id) => (location.hash = `#/plan/${id}`), record.id);

  const checks = page.getByRole('region', { name: '校对' });
  // Before the first results: a loading state, never 没有发现问题.
  await expect(checks.getByText('正在校对…')).toBeVisible();
  await expect(checks.getByText('没有发现问题')).toHaveCount(0);

  const punct = checks.getByRole('region', { name: '半角标点（4）' });
  await expect(punct).toBeVisible();
  await expect(checks.getByRole('region', { name: '缺少牵头单位（3）' })).toBeVisible();
  await expect(checks.getByRole('region', { name: '残留的拼音注音（2）' })).toContainText('“(jù)”');
  await expect(checks.getByRole('region', { name: '疑似乱码（1）' })).toContainText('原文可能是“因为重点”');
  // The old import warning about the year: the plan's year is 2021 now, so it is gone; the
  // document-wide one stays.
  await expect(checks).not.toContainText('未识别到计划年份');
  await expect(checks.getByRole('region', { name: '导入提示（1）' })).toContainText('繁体字');
  await page.screenshot({ path: 'test-results/screens/checks-panel.png' });

  // Collapsible.
  const toggle = punct.getByRole('button', { name: /半角标点/ });
  await expect(punct.getByRole('listitem')).toHaveCount(4);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(punct.getByRole('listitem')).toHaveCount(0);
  await toggle.click();

  // 全部修正: all four at once; the (jù) brackets are left to the pinyin finding.
  await punct.getByRole('button', { name: '全部修正（4）' }).click();
  await expect(checks.getByRole('region', { name: /^半角标点/ })).toHaveCount(0);
  const page1 = page.locator('.plan-page');
  await expect(page1).toContainText('制定责任清单，明确分工（每季度通报一次）。');
  await expect(page1).toContainText('依法(jù)实施');

  // One Ctrl+Z restores all four.
  await page1.locator('.task-title').first().click();
  await page.keyboard.press('Control+z');
  await expect(page1).toContainText('制定责任清单,明确分工(每季度通报一次)。');
  await expect(page1).toContainText('督促企业建立全员责任制;开展自查自改。');
  await expect(checks.getByRole('region', { name: '半角标点（4）' })).toBeVisible();

  // 删除拼音 for both at once.
  await checks.getByRole('region', { name: '残留的拼音注音（2）' }).getByRole('button', { name: '全部修正（2）' }).click();
  await expect(page1).toContainText('依法实施专项整治');
  await expect(page1).toContainText('加强安全宣传');
  await expect(checks.getByRole('region', { name: /^残留的拼音注音/ })).toHaveCount(0);
});
