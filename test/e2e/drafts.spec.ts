import { expect, test, type Page } from '@playwright/test';
import { createPlan, pageInvoke, startApp, type RunningApp } from './app';

// Issue 16, defect 3: unsaved changes must survive a crash of the browser-mode server. Each
// start gets a new port, so a new origin whose localStorage is empty: the draft journal lives
// in the library, where the next start (on another port) finds it.

const TITLE = '2026年全县安全生产工作要点';
const status = (page: Page) => page.getByRole('status', { name: '保存状态' });

test('a draft not saved before the server is killed is offered after a restart on another port', async ({ page, browser }) => {
  const apps: RunningApp[] = [];
  try {
    const first = await startApp();
    apps.push(first);
    await page.goto(first.url);
    await createPlan(page, TITLE, '2026');
    await expect(status(page)).toHaveText('已保存', { timeout: 10_000 });

    // The saves do not reach the library (as when the server dies before the autosave lands);
    // everything else does.
    await page.route('**/api/invoke', (route) => (/"name":"plans\.save"/.test(route.request().postData() ?? '') ? route.abort() : route.continue()));
    await page.locator('.plan-page').click();
    await page.keyboard.type('Weibaocun de xiugai');
    await expect(page.locator('.plan-page')).toContainText('Weibaocun de xiugai');
    await expect(status(page)).toHaveText('保存失败', { timeout: 10_000 });

    // The browser's copy is there (per origin, as before), and so is the library's journal
    // (a build without drafts.get answers it as an unknown operation: nothing to wait for).
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('plandesk.draft.'))), { timeout: 10_000 }).toBe(true);
    const planId = ((await pageInvoke(page, 'plans.list', {})).result as Array<{ id: string; title: string }>).find((p) => p.title === TITLE)!.id;
    await expect
      .poll(
        async () => {
          const r = await pageInvoke(page, 'drafts.get', { planId });
          return !r.ok || JSON.stringify(r.result).includes('Weibaocun de xiugai');
        },
        { timeout: 10_000 },
      )
      .toBe(true);

    // kill -9, and a new start on the same library on another port (PLANDESK_PORT=0: not the
    // last start's port, which browser mode tries first), so another origin.
    await first.kill();
    let second = await startApp(first.home, { PLANDESK_PORT: '0' });
    apps.push(second);
    while (new URL(second.url).port === new URL(first.url).port) {
      await second.kill();
      second = await startApp(first.home, { PLANDESK_PORT: '0' });
      apps.push(second);
    }

    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(second.url);
    await tab.getByRole('row', { name: TITLE }).dblclick();
    await expect(tab.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(tab.locator('.plan-page')).not.toContainText('Weibaocun de xiugai');
    const banner = tab.getByRole('alert').filter({ hasText: '未保存到资料库的修改' });
    await expect(banner).toBeVisible();
    await tab.screenshot({ path: 'test-results/screens/draft-restore.png' });
    await banner.getByRole('button', { name: '恢复这些修改' }).click();
    await expect(tab.locator('.plan-page')).toContainText('Weibaocun de xiugai');
    // Restored changes are saved, and the journal is then empty.
    await expect(status(tab)).toHaveText('已保存', { timeout: 10_000 });
    await expect.poll(async () => (await pageInvoke(tab, 'drafts.get', { planId })).result).toEqual({ draft: null });
    await tab.reload();
    await expect(tab.locator('.plan-page')).toContainText('Weibaocun de xiugai');
    await expect(tab.getByRole('alert').filter({ hasText: '未保存到资料库的修改' })).toHaveCount(0);
    await context.close();
  } finally {
    for (const app of apps.reverse()) await app.kill();
    await apps[0]?.stop();
  }
});
