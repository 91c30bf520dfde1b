// `plandesk team add-user` and the argument errors of `plandesk serve` (issue 20), in-process.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, useCliHome } from '../helpers/cli';

const home = useCliHome();

describe('plandesk team / serve arguments', () => {
  it('add-user stores a scrypt hash (never the password) and refuses a second account of that name', async () => {
    const r = await cli('team', 'add-user', '李四', '--unit', '县住建局', '--role', '审阅', '--password', 'secret-pass-1');
    expect(r).toEqual({ code: 0, out: '已添加账号：李四（县住建局，审阅）\n', err: '' });
    const db = new Database(join(home(), 'plandesk.db'), { readonly: true });
    const row = db.prepare('SELECT name, unit, role, password_hash FROM team_accounts').get() as Record<string, string>;
    db.close();
    expect(row).toMatchObject({ name: '李四', unit: '县住建局', role: '审阅' });
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('secret-pass-1');
    const again = await cli('team', 'add-user', '李四', '--unit', '县住建局', '--role', '起草');
    expect(again.code).toBe(2);
    expect(again.err).toContain('用户“李四”已存在');
  });

  it('says what is wrong: an unknown role, a missing unit, a short password', async () => {
    expect((await cli('team', 'add-user', '王五', '--unit', '县应急局', '--role', '管理员')).err).toContain('角色“管理员”不存在，可选：起草、审阅、只读');
    expect((await cli('team', 'add-user', '王五', '--role', '只读')).err).toContain('请用 --unit 给出单位');
    expect((await cli('team', 'add-user', '王五', '--unit', '县应急局', '--role', '只读', '--password', 'short')).err).toContain('密码至少 8 个字符');
  });

  it('serve needs --team and a valid port', async () => {
    const plain = await cli('serve');
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('请加 --team');
    const port = await cli('serve', '--team', '--port', '70000');
    expect(port.code).toBe(2);
    expect(port.err).toContain('端口“70000”无效');
  });
});
