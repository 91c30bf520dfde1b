// The lazy command line of issue 17: the command list, the loaders and `list`'s own run
// (electron/cli/list-main.ts, bundled apart as cli-list.cjs) say the same as the full one.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, useCliHome } from '../helpers/cli';
import { COMMAND_LIST } from '../../electron/cli/command-list';
import { commands } from '../../electron/cli/commands';
import { runCli as runListOnly } from '../../electron/cli/list-main';
import { emptyPlan } from '../../shared/plan/schema';

const getHome = useCliHome();

async function listOnly(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runListOnly(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

describe('plandesk, loaded on demand', () => {
  it('every command in the list loads a command of that name, with its usage', async () => {
    expect(commands.map((c) => c.name)).toEqual(COMMAND_LIST.map((c) => c.name));
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toContain(`plandesk ${entry.name}`);
    }
  });

  it('list alone answers as the full command line does', async () => {
    expect(await listOnly('list', '--json')).toEqual(await cli('list', '--json'));
    expect(await listOnly('list')).toEqual(await cli('list'));
    const file = join(getHome(), 'a.plan.json');
    writeFileSync(file, JSON.stringify(emptyPlan('2026年全县安全生产工作要点', 2026)));
    expect((await cli('save', file)).code).toBe(0);
    for (const args of [
      ['list'],
      ['list', '--json'],
      ['list', '--search', '全县'],
      ['list', '--search', '全市'],
      ['list', '--help'],
      ['list', '--bad'],
      ['--help'],
    ]) {
      expect(await listOnly(...args)).toEqual(await cli(...args));
    }
    expect((await listOnly('list')).out).toContain('2026年全县安全生产工作要点');
  });
});
