// `plandesk serve --team`: the team server on the office LAN (issue 20), until Ctrl+C.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../types';
import { openLibrary } from '../../services/open-library';
import { resolveDataDir } from '../../services/paths';
import { lanAddresses, startTeamServer } from '../../team/server';
import { describeListenError } from '../../team/host';
import { TEAM_DEFAULT_PORT as DEFAULT_PORT } from '../../../shared/team';

const usage = `用法：plandesk serve --team [--host <地址>] [--port <端口>]
启动团队模式服务器（开发中），同一局域网内的同事可登录后共同编辑资料库中的计划。
--host 监听的地址（默认 0.0.0.0，即本机所有网卡）；--port 端口（默认 ${DEFAULT_PORT}，0 表示任选空闲端口）。
账号用 plandesk team add-user 添加。按 Ctrl+C 停止。`;

/**
 * The built renderer to serve to browsers: beside the bundled CLI (dist/electron/../renderer),
 * or dist/renderer of the working folder when run from source. Null when not built.
 */
function rendererDir(): string | null {
  const candidates = [...(typeof __dirname === 'string' ? [join(__dirname, '..', 'renderer')] : []), join(process.cwd(), 'dist', 'renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { team: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'string' } }, usage);
    if (!values.team) throw new AppError('invalid-args', `目前只有团队模式服务器：请加 --team。单人使用请直接启动 PlanDesk（npm start）。\n${usage}`);
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid-args', `端口“${values.port}”无效，应为 0–65535 的整数。`);
    const host = values.host ?? '0.0.0.0';
    const library = openLibrary(resolveDataDir(), 'cli');
    let server;
    try {
      const staticDir = rendererDir();
      if (!staticDir) ctx.err('找不到界面文件（dist/renderer），浏览器无法打开团队编辑页面；请先运行 npm run build。');
      server = await startTeamServer(library, { host, port, log: (line) => ctx.err(line), ...(staticDir ? { staticDir } : {}) });
    } catch (err) {
      library.close();
      throw describeListenError(err, host, port) ?? err;
    }
    const shown = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
    ctx.out(`团队模式服务器已启动，端口 ${server.port}。`);
    if (shown.length) for (const a of shown) ctx.out(`请同事在浏览器中打开：http://${a}:${server.port}`);
    else ctx.out(`本机没有局域网地址，只能在本机连接：http://127.0.0.1:${server.port}`);
    ctx.out(`资料库：${library.dbPath}　按 Ctrl+C 停止。`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    library.close();
    ctx.out('团队模式服务器已停止，所有修改已保存。');
    return EXIT_OK;
  },
};
