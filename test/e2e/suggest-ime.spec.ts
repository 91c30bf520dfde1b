// 修订 under load (issue 18): Chinese typed through an IME while suggesting must always become a
// suggested insertion. Many compositions on a throttled CPU, with the caret moved between them
// (so the browser's selection change may still be unread when the next composition starts) and
// random pauses between the events; seeded (IME_SEED to vary).
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { rng } from '../helpers/rng';
import { samples, useApp } from './app';

const app = useApp();

const WORDS: Array<[string, string]> = [
  ['meijidu', '每季度'],
  ['tongbao', '通报'],
  ['anquan', '安全'],
  ['jiancha', '检查'],
  ['zhenggai', '整改'],
  ['peixun', '培训'],
  ['yanlian', '演练'],
  ['duban', '督办'],
];
const KEYS = [
  { key: 'ArrowDown', code: 'ArrowDown', windowsVirtualKeyCode: 40 },
  { key: 'ArrowUp', code: 'ArrowUp', windowsVirtualKeyCode: 38 },
  { key: 'End', code: 'End', windowsVirtualKeyCode: 35 },
  { key: 'Home', code: 'Home', windowsVirtualKeyCode: 36 },
];

/** The page's own text: the document without suggested insertions and without the UI in it. */
function textWithoutInsertions(page: Page): Promise<string> {
  return page.locator('.plan-page').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const x of copy.querySelectorAll('ins, [contenteditable="false"]')) x.remove();
    return copy.textContent ?? '';
  });
}

const insertedText = (page: Page) => page.locator('.plan-page ins').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
const sorted = (s: string) => [...s].sort().join('');

test('修订: every IME composition is a suggested insertion, on a throttled CPU with random delays', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(app().url);
  await page.getByTestId('import-file-input').setInputFiles(join(samples, 'tengzhou-2020-yaodian.txt'));
  await page.getByRole('dialog', { name: /导入/ }).getByRole('button', { name: '确认导入' }).click();
  const tasks = page.locator('.plan-page .plan-task');
  await expect(tasks.first()).toBeVisible();
  await tasks.first().locator('.task-title').click();
  await page.getByRole('button', { name: '修订', exact: true }).click();
  const who = page.getByRole('dialog', { name: '您是谁' });
  await who.getByRole('textbox', { name: '姓名' }).fill('李四');
  await who.getByRole('textbox', { name: '单位' }).fill('县教育局');
  await who.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('button', { name: '修订', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const before = await textWithoutInsertions(page);
  const taskCount = await tasks.count();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const random = rng(Number(process.env.IME_SEED ?? 18));
  const pause = () => page.waitForTimeout(Math.floor(random() * 3) * Math.floor(random() * 25));
  let typed = '';
  for (let i = 0; i < 40; i++) {
    // Half of the time the caret moves first, as a user would move it (a click at a task's
    // title, or the arrow keys, End, Home) and the composition starts at once: on a busy
    // machine the browser's selection change may still be unread by the editor then.
    const [pinyin, word] = WORDS[Math.floor(random() * WORDS.length)]!;
    const first = pinyin.slice(0, 1);
    const startComposition = () => cdp.send('Input.imeSetComposition', { text: first, selectionStart: 1, selectionEnd: 1 });
    if (i === 0 || random() < 0.6) {
      const move = random();
      if (move < 0.4) {
        const n = Math.floor(random() * taskCount);
        const title = tasks.nth(n).locator('.task-title');
        await title.scrollIntoViewIfNeeded();
        const box = (await title.boundingBox())!;
        const at = { x: box.x + box.width - 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
        await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
        await Promise.all([cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }), startComposition()]);
      } else {
        const key = KEYS[Math.floor(random() * KEYS.length)]!;
        await Promise.all([
          cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }),
          cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }),
          startComposition(),
        ]);
      }
    } else await startComposition();
    await pause();
    const steps = 1 + Math.floor(random() * 3);
    for (let k = 1; k <= steps; k++) {
      const part = pinyin.slice(0, Math.ceil((pinyin.length * k) / steps));
      await cdp.send('Input.imeSetComposition', { text: part, selectionStart: part.length, selectionEnd: part.length });
      await pause();
    }
    await cdp.send('Input.imeSetComposition', { text: word, selectionStart: word.length, selectionEnd: word.length });
    await pause();
    await cdp.send('Input.insertText', { text: word });
    typed += word;
    await pause();
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  // Nothing typed is outside a suggested insertion: the page without them is the page before.
  await expect.poll(() => textWithoutInsertions(page)).toBe(before);
  // And every word typed is there (a click during a composition may also commit its pinyin).
  expect(sorted((await insertedText(page)).replace(/[a-z]/g, ''))).toBe(sorted(typed));
  await page.getByRole('tab', { name: '修订' }).click();
  await expect(page.getByRole('region', { name: '修订' }).getByRole('listitem').first()).toContainText('李四');
});
