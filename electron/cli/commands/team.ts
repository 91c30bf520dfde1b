// `plandesk team add-user`: the accounts of team mode (issue 20).
import { AppError } from '../../../shared/errors';
import { TEAM_ROLES } from '../../../shared/team';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../types';
import { addAccount, generatePassword } from '../../team/accounts';

const usage = `用法：plandesk team add-user <用户名> --unit <单位> --role <${TEAM_ROLES.join('|')}> [--password <密码>]
为团队模式添加账号。不给 --password 时生成一个密码并显示（只显示这一次，请转告本人）。
角色：起草（可编辑）、审阅（可编辑，今后只能提修订建议）、只读（只能查看）。`;

export const teamCommand: CliCommand = {
  name: 'team',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } }, usage);
    const [sub, name] = positionals;
    if (sub !== 'add-user') throw new AppError('invalid-args', `未知的 team 子命令“${sub ?? ''}”。\n${usage}`);
    if (!name) throw new AppError('invalid-args', `缺少用户名。\n${usage}`);
    if (!values.unit) throw new AppError('invalid-args', `请用 --unit 给出单位。\n${usage}`);
    if (!values.role) throw new AppError('invalid-args', `请用 --role 给出角色（${TEAM_ROLES.join('、')}）。`);
    const password = values.password ?? generatePassword();
    const account = addAccount(await ctx.database(), { name, unit: values.unit, role: values.role, password });
    ctx.out(`已添加账号：${account.name}（${account.unit}，${account.role}）`);
    if (!values.password) ctx.out(`密码：${password}`);
    return EXIT_OK;
  },
};
