// 设置 → 团队模式 (issue 20), as an office does it: PlanDesk (browser mode, the built dist/) adds an
// account and turns team mode on from its 设置 dialog; a colleague, in another browser context,
// opens the address shown, logs in with the password shown and edits the plan; when the account
// is deleted, or the login expires, the colleague's page is back at the login form with the reason
// and what was typed is in the library.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createServer } from 'node:net';
import type { PlanRecord, TemplateList } from '../../shared/contract';
import { TEAM_MESSAGES } from '../../shared/team';
import { caretInto, pageApi, startApp, type RunningApp } from './app';

let running: RunningApp[] = [];

test.afterEach(async () => {
  for (const app of running) await app.stop();
  running = [];
});

async function app(env: Record<string, string> = {}): Promise<RunningApp> {
  const a = await startApp(undefined, env);
  running.push(a);
  return a;
}

/** A port of 127.0.0.1 free right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A plan from the bundled county template, made through the page's API. */
async function addPlan(page: Page): Promise<PlanRecord> {
  const { templates } = await pageApi<TemplateList>(page, 'templates.list', {});
  const county = templates.find((t) => t.id.includes('county'))!;
  return pageApi<PlanRecord>(page, 'plans.fromTemplate', { templateId: county.id, year: 2026, issuer: '滕州市安全生产委员会' });
}

/** A colleague in a browser context of their own: logs in at `url` and opens the plan; their page. */
async function colleagueOpens(browser: Browser, url: string, name: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: '姓名/账号' }).fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('list', { name: '计划列表' }).getByRole('button').first().click();
  await expect(page.locator('.plan-page .plan-task').first()).toBeVisible();
  return page;
}

/** Types at the end of the first task's body; resolves once the page shows it. */
async function typeInFirstTask(page: Page, text: string): Promise<void> {
  const body = page.locator('.plan-page .plan-task').first().locator('.task-body');
  await caretInto(body);
  await page.keyboard.type(text, { delay: 20 });
  await expect(body).toContainText(text);
}

const firstTaskText = async (page: Page, planId: string) => JSON.stringify((await pageApi<PlanRecord>(page, 'plans.get', { id: planId })).doc.body);

test('设置 → 团队模式: add an account, turn it on, a colleague edits; deleting the account sends them back to the login', async ({ page, browser }) => {
  const desk = await app();
  await page.goto(desk.url);
  const plan = await addPlan(page);

  await page.getByRole('button', { name: '设置', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await expect(dialog.getByRole('switch', { name: '在本机开启' })).not.toBeChecked();

  // An account, with a generated password shown once.
  await dialog.getByRole('textbox', { name: '姓名' }).fill('张三');
  await dialog.getByRole('combobox', { name: '单位' }).fill('市应急管理局');
  await dialog.getByRole('combobox', { name: '角色' }).selectOption('起草');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  const accounts = dialog.getByRole('table', { name: '团队账号' });
  await expect(accounts.getByRole('row', { name: '张三' })).toContainText('市应急管理局');
  const password = (await dialog.getByTestId('team-password').textContent()) ?? '';
  expect(password).toMatch(/^[A-Za-z2-9]{12}$/);

  // On, on this PC only and a free port: the address to share is shown.
  const port = await freePort();
  await dialog.getByRole('combobox', { name: '监听地址' }).selectOption('127.0.0.1');
  await dialog.getByRole('textbox', { name: '端口' }).fill(String(port));
  await dialog.getByRole('switch', { name: '在本机开启' }).click();
  await expect(dialog.getByRole('switch', { name: '在本机开启' })).toBeChecked();
  const url = `http://127.0.0.1:${port}`;
  await expect(dialog.getByTestId('team-url')).toHaveText(url);
  await expect(dialog.getByTestId('team-people')).toHaveText('当前在线 0 人');

  // The colleague opens the address shown, logs in with the password shown and types.
  const colleague = await colleagueOpens(browser, (await dialog.getByTestId('team-url').textContent())!, '张三', password);
  await typeInFirstTask(colleague, '由张三补充');
  await expect(dialog.getByTestId('team-people')).toHaveText('当前在线 1 人');
  await page.screenshot({ path: 'test-results/screens/team-settings.png' });

  // The same name again is refused in Chinese.
  await dialog.getByRole('textbox', { name: '姓名' }).fill('张三');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('用户“张三”已存在，请换一个名字（例如加上单位简称）。');

  // Deleted from 设置: the colleague is back at the login form with the reason; the edit is kept.
  await accounts.getByRole('button', { name: '删除 张三' }).click();
  await accounts.getByRole('button', { name: '确定删除' }).click();
  await expect(accounts).toHaveCount(0);
  await expect(colleague.getByTestId('team-login-notice')).toHaveText(`${TEAM_MESSAGES.accountDeleted}您的修改在此之前都已送达服务器并保存，没有丢失。`);
  await expect(colleague.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(colleague.locator('.plan-page')).toHaveCount(0);
  await expect.poll(() => firstTaskText(page, plan.id)).toContain('由张三补充');
  await expect(dialog.getByTestId('team-people')).toHaveText('当前在线 0 人');
  await colleague.context().close();

  // A port taken (by the running team server itself, from another app) is said in Chinese.
  await dialog.getByRole('switch', { name: '在本机开启' }).click();
  await expect(dialog.getByRole('switch', { name: '在本机开启' })).not.toBeChecked();
  const other = await app();
  const otherPage = await (await browser.newContext()).newPage();
  await otherPage.goto(other.url);
  await pageApi(otherPage, 'team.start', { host: '127.0.0.1', port });
  await dialog.getByRole('switch', { name: '在本机开启' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`端口 ${port} 已被占用（可能是另一个程序或另一个 PlanDesk），请换一个端口。`);
  await expect(dialog.getByRole('switch', { name: '在本机开启' })).not.toBeChecked();
  await otherPage.context().close();
});

test('a login that expires (PLANDESK_TEAM_TOKEN_TTL_MS) closes the open plan and asks to log in again; nothing typed is lost', async ({ page, browser }) => {
  // Long enough to log in and open the plan on a busy machine; the expiry is awaited, not timed.
  test.setTimeout(120_000);
  const desk = await app({ PLANDESK_TEAM_TOKEN_TTL_MS: '25000' });
  await page.goto(desk.url);
  const plan = await addPlan(page);
  await pageApi(page, 'team.users.add', { name: '李四', unit: '市交通运输局', role: '起草', password: 'lisi-2026-pw' });
  const status = await pageApi<{ url: string }>(page, 'team.start', { host: '127.0.0.1', port: 0 });

  const colleague = await colleagueOpens(browser, status.url, '李四', 'lisi-2026-pw');
  await typeInFirstTask(colleague, '李四的修改');
  await expect(colleague.getByTestId('team-login-notice')).toHaveText(`${TEAM_MESSAGES.sessionExpired}您的修改在此之前都已送达服务器并保存，没有丢失。`, {
    timeout: 60_000,
  });
  await expect(colleague.locator('.plan-page')).toHaveCount(0);
  await expect.poll(() => firstTaskText(page, plan.id)).toContain('李四的修改');

  // Logged in again, the page goes back to the plan it had open, with the edit.
  await colleague.getByLabel('密码').fill('lisi-2026-pw');
  await colleague.getByRole('textbox', { name: '姓名/账号' }).fill('李四');
  await colleague.getByRole('button', { name: '登录' }).click();
  await expect(colleague.locator('.plan-page .plan-task').first()).toContainText('李四的修改');
  await colleague.context().close();
});
