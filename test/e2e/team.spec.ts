// Team mode in the browser (issue 20): the real `plandesk serve --team` process on a free port
// serves the built page; colleagues in separate browser contexts log in and edit one plan at
// once through the shared Y.Doc.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTeamProcess, type TeamProcess } from '../helpers/team-server';
import { caretInto } from './app';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const PASSWORD = 'tuandui-2026';

let home = '';
let server: TeamProcess;

function plandesk(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron', 'cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, PLANDESK_HOME: home },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`plandesk ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'plandesk-team-e2e-'));
  plandesk('team', 'add-user', '张三', '--unit', '市应急管理局', '--role', '起草', '--password', PASSWORD);
  plandesk('team', 'add-user', '李四', '--unit', '市应急管理局', '--role', '起草', '--password', PASSWORD);
  plandesk('team', 'add-user', '王五', '--unit', '市住建局', '--role', '只读', '--password', PASSWORD);
  plandesk('team', 'add-user', '孙七', '--unit', '市教育局', '--role', '起草', '--password', PASSWORD);
  plandesk('team', 'add-user', '赵六', '--unit', '市交通运输局', '--role', '审阅', '--password', PASSWORD);
  plandesk('new', '--template', 'county-yaodian', '--year', '2026', '--issuer', '滕州市安全生产委员会', '--save');
  server = await startTeamProcess(home);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

async function logIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.goto(`http://127.0.0.1:${server.port}/`);
  await page.getByRole('textbox', { name: '姓名/账号' }).fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A fresh browser context, logged in as `name`, with the plan open. */
async function openPlan(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, name);
  await page.getByRole('list', { name: '计划列表' }).getByRole('button').first().click();
  await expect(page.locator('.plan-page .plan-task').first()).toBeVisible();
  return page;
}

const tasks = (page: Page) => page.locator('.plan-page .plan-task');

/** An element's text without the others' carets (y-prosemirror's widgets, with their names). */
function shownText(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    for (const c of Array.from(copy.querySelectorAll('.ProseMirror-yjs-cursor'))) c.remove();
    return copy.textContent ?? '';
  });
}

/** Every task's number and title, in order, as the page shows them. */
function numbered(page: Page): Promise<string[]> {
  return tasks(page).evaluateAll((els) =>
    els.map((el) => {
      const title = el.querySelector('.task-title')!.cloneNode(true) as Element;
      for (const c of Array.from(title.querySelectorAll('.ProseMirror-yjs-cursor'))) c.remove();
      return `${el.getAttribute('data-label') ?? ''} ${title.textContent ?? ''}`;
    }),
  );
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

test('a wrong password is refused in Chinese; the plan list needs a login', async ({ page }) => {
  await logIn(page, '张三', 'wrong-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
  await expect(page.getByRole('list', { name: '计划列表' })).toHaveCount(0);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('list', { name: '计划列表' }).getByRole('button')).toHaveCount(1);
});

test('two people typing in the same task at once end with the same text', async ({ browser }) => {
  const a = await openPlan(browser, '张三');
  const b = await openPlan(browser, '李四');
  const taskA = tasks(a).first();
  const taskB = tasks(b).first();
  // One in the task's body, the other in its title, at the same time.
  await caretInto(taskA.locator('.task-body'));
  await caretInto(taskB.locator('.task-title'));
  await Promise.all([a.keyboard.type('AAAAAA', { delay: 20 }), b.keyboard.type('BBBBBB', { delay: 20 })]);
  for (const task of [taskA, taskB]) {
    await expect.poll(() => shownText(task.locator('.task-body'))).toContain('AAAAAA');
    await expect.poll(() => shownText(task.locator('.task-title'))).toContain('BBBBBB');
  }
  expect(await shownText(taskA)).toBe(await shownText(taskB));
  // Both at the very same place: the letters may interleave, but none is lost and both agree.
  await caretInto(taskA.locator('.task-body'));
  await caretInto(taskB.locator('.task-body'));
  await Promise.all([a.keyboard.type('CCCCC', { delay: 20 }), b.keyboard.type('DDDDD', { delay: 20 })]);
  for (const task of [taskA, taskB]) {
    await expect.poll(async () => [count(await shownText(task), 'C'), count(await shownText(task), 'D')]).toEqual([5, 5]);
  }
  expect(await shownText(taskA)).toBe(await shownText(taskB));
  // Each person's caret is shown to the other with their name.
  await expect(a.locator('.ProseMirror-yjs-cursor')).toContainText('李四');
  await expect(b.locator('.ProseMirror-yjs-cursor')).toContainText('张三');
  await a.context().close();
  await b.context().close();
});

test('three people typing at the same place at once: nothing lost, the same text on all three', async ({ browser }) => {
  const pages = [await openPlan(browser, '张三'), await openPlan(browser, '李四'), await openPlan(browser, '孙七')];
  const bodies = pages.map((p) => tasks(p).nth(1).locator('.task-body'));
  for (const body of bodies) await caretInto(body);
  const letters = ['E', 'F', 'G'];
  await Promise.all(pages.map((p, i) => p.keyboard.type(letters[i]!.repeat(6), { delay: 15 })));
  for (const body of bodies) {
    await expect.poll(async () => Promise.all(letters.map(async (l) => count(await shownText(body), l)))).toEqual([6, 6, 6]);
  }
  const texts = await Promise.all(bodies.map((b) => shownText(b)));
  expect(new Set(texts).size).toBe(1);
  for (const p of pages) await p.context().close();
});

test('two people inserting tasks in the same section at once end with one numbering on both', async ({ browser }) => {
  const a = await openPlan(browser, '张三');
  const b = await openPlan(browser, '李四');
  const before = (await numbered(a)).length;
  await caretInto(tasks(a).first().locator('.task-body'));
  await caretInto(tasks(b).first().locator('.task-body'));
  await Promise.all([
    (async () => {
      await a.keyboard.press('Enter');
      await a.keyboard.type('Xinrenwu A', { delay: 20 });
    })(),
    (async () => {
      await b.keyboard.press('Enter');
      await b.keyboard.type('Xinrenwu B', { delay: 20 });
    })(),
  ]);
  for (const page of [a, b]) {
    await expect(tasks(page)).toHaveCount(before + 2);
    await expect(tasks(page).filter({ hasText: 'Xinrenwu A' })).toHaveCount(1);
    await expect(tasks(page).filter({ hasText: 'Xinrenwu B' })).toHaveCount(1);
  }
  await expect.poll(async () => JSON.stringify(await numbered(a)) === JSON.stringify(await numbered(b))).toBe(true);
  // The first section's tasks are numbered 1., 2., 3., … with the two new ones among them.
  const section = await a.evaluate(() => {
    const out: string[] = [];
    let seenTask = false;
    for (const el of Array.from(document.querySelector('.plan-page')!.children)) {
      if (el.classList.contains('plan-task')) {
        seenTask = true;
        out.push(el.getAttribute('data-label') ?? '');
      } else if (el.classList.contains('plan-heading') && seenTask) break;
    }
    return out;
  });
  expect(section.length).toBeGreaterThanOrEqual(3);
  expect(section).toEqual(section.map((_, i) => `${i + 1}.`));
  await a.context().close();
  await b.context().close();
});

test('a 只读 account sees the plan and its changes but cannot type', async ({ browser }) => {
  const a = await openPlan(browser, '张三');
  const r = await openPlan(browser, '王五');
  await expect(r.locator('.plan-page')).toHaveAttribute('contenteditable', 'false');
  await caretInto(tasks(a).nth(1).locator('.task-body'));
  await a.keyboard.type('Duzhe kandedao', { delay: 10 });
  await expect(tasks(r).nth(1).locator('.task-body')).toContainText('Duzhe kandedao');
  await a.context().close();
  await r.context().close();
});

test('undo takes back only one’s own typing, not the other person’s', async ({ browser }) => {
  const a = await openPlan(browser, '张三');
  const b = await openPlan(browser, '李四');
  await caretInto(tasks(a).nth(4).locator('.task-body'));
  await caretInto(tasks(b).nth(5).locator('.task-body'));
  await Promise.all([a.keyboard.type('Wode', { delay: 20 }), b.keyboard.type('Tade', { delay: 20 })]);
  for (const page of [a, b]) {
    await expect.poll(() => shownText(tasks(page).nth(4))).toContain('Wode');
    await expect.poll(() => shownText(tasks(page).nth(5))).toContain('Tade');
  }
  await a.keyboard.press('Control+z');
  for (const page of [a, b]) {
    await expect.poll(() => shownText(tasks(page).nth(4))).not.toContain('Wode');
    expect(await shownText(tasks(page).nth(5))).toContain('Tade');
  }
  await a.context().close();
  await b.context().close();
});

test('a 审阅 account’s typing becomes a suggestion; the drafter’s typing reaches the reviewer as it is', async ({ browser }) => {
  const a = await openPlan(browser, '张三');
  const r = await openPlan(browser, '赵六');
  await expect(r.getByTestId('team-role')).toContainText('修订');
  await caretInto(tasks(r).nth(2).locator('.task-body'));
  await caretInto(tasks(a).nth(3).locator('.task-body'));
  await Promise.all([r.keyboard.type('Jianyi', { delay: 20 }), a.keyboard.type('Zhijie', { delay: 20 })]);
  for (const page of [a, r]) {
    const suggested = tasks(page).nth(2).locator('.suggest-ins');
    await expect(suggested).toContainText('Jianyi');
    await expect(suggested).toHaveAttribute('title', '赵六 建议增加');
    await expect.poll(() => shownText(tasks(page).nth(3))).toContain('Zhijie');
    await expect(tasks(page).nth(3).locator('.suggest-ins')).toHaveCount(0);
  }
  await a.context().close();
  await r.context().close();
});

test('a client cut off from the server keeps editing and merges when the connection is back', async ({ browser }) => {
  // The provider's reconnection backs off after each refused attempt: room for a few.
  test.setTimeout(120_000);
  const context = await browser.newContext();
  // Every WebSocket of this context goes through here: while `cut`, none reaches the server.
  let cut = false;
  const open = new Set<{ close(): Promise<void> }>();
  await context.routeWebSocket(/.*/, (ws) => {
    if (cut) {
      void ws.close();
      return;
    }
    ws.connectToServer();
    open.add(ws);
  });
  const a = await context.newPage();
  await logIn(a, '张三');
  await a.getByRole('list', { name: '计划列表' }).getByRole('button').first().click();
  await expect(tasks(a).first()).toBeVisible();
  const b = await openPlan(browser, '李四');
  await expect(a.getByTestId('team-connection')).toHaveText('已连接');

  cut = true;
  for (const ws of open) await ws.close();
  await expect(a.getByTestId('team-connection')).toHaveText('连接中断，修改会在重新连接后合并');
  await caretInto(tasks(a).nth(6).locator('.task-body'));
  await a.keyboard.type('Lixian xiugai', { delay: 10 });
  await caretInto(tasks(b).nth(7).locator('.task-body'));
  await b.keyboard.type('Zaixian xiugai', { delay: 10 });
  await expect.poll(() => shownText(tasks(a).nth(6))).toContain('Lixian xiugai');
  expect(await shownText(tasks(a).nth(7))).not.toContain('Zaixian xiugai');

  cut = false;
  await expect(a.getByTestId('team-connection')).toHaveText('已连接', { timeout: 60_000 });
  for (const page of [a, b]) {
    await expect.poll(() => shownText(tasks(page).nth(6))).toContain('Lixian xiugai');
    await expect.poll(() => shownText(tasks(page).nth(7))).toContain('Zaixian xiugai');
  }
  expect(await numbered(a)).toEqual(await numbered(b));
  await context.close();
  await b.context().close();
});
