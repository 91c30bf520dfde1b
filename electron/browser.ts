// Browser mode: for machines without the Electron binary (offline offices, CI). Serves the
// same renderer and services on 127.0.0.1 and prints the address to open.
import { join } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openLibrary } from './services/open-library';
import { resolveDataDir } from './services/paths';
import { createDispatcher } from './transport/dispatch';
import { startHttpHost } from './transport/http-host';
import { AppError } from '../shared/errors';
import type { Services } from '../shared/contract';

/** Why browser mode never writes a file at a path from the page. */
export const BROWSER_EXPORT_REFUSED = '浏览器模式下不能把文件直接写到指定位置：请在“导出”对话框中导出，文件会进入浏览器的下载列表。';

/**
 * The services as browser mode offers them: a page (any page that got hold of the token)
 * never chooses where the server writes, so export.toFile is refused; export.render gives
 * the bytes and the page downloads them.
 */
export function browserServices(services: Services): Services {
  return {
    ...services,
    'export.toFile': () => Promise.reject(new AppError('forbidden', BROWSER_EXPORT_REFUSED)),
  };
}

const PORT_FILE = 'browser-port';

function lastPort(dataDir: string): number {
  try {
    const n = Number(readFileSync(join(dataDir, PORT_FILE), 'utf8').trim());
    return Number.isInteger(n) && n >= 1024 && n <= 65535 ? n : 0;
  } catch {
    return 0;
  }
}

function rememberPort(dataDir: string, port: number): void {
  try {
    writeFileSync(join(dataDir, PORT_FILE), `${port}\n`);
  } catch {
    // Not remembered: the next start takes any free port, the drafts are in the library.
  }
}

export async function startBrowserMode(staticDir: string): Promise<void> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write(`找不到界面文件（${staticDir}），请先运行 npm run build。\n`);
    process.exit(1);
  }
  let library;
  try {
    library = openLibrary(resolveDataDir(), 'browser', { team: { staticDir, log: (line) => process.stderr.write(line + '\n') } });
  } catch (err) {
    process.stderr.write(`${err instanceof AppError ? err.message : `无法打开资料库：${String(err)}`}\n`);
    process.exit(1);
  }
  const dispatch = createDispatcher(browserServices(library.services), (m) => process.stderr.write(m + '\n'));
  // PLANDESK_PORT chooses the port (0: any free one). Without it the port of the last start is
  // tried first, so that the page keeps its origin (and this browser's copy of unsaved drafts)
  // across restarts; when it is taken, any free port (the drafts are in the library as well).
  const chosen = process.env.PLANDESK_PORT;
  const preferred = chosen ? Number(chosen) : lastPort(library.dataDir);
  let host;
  try {
    host = await startHttpHost({ dispatch, staticDir, port: preferred });
  } catch (err) {
    if (chosen || !preferred) throw err;
    host = await startHttpHost({ dispatch, staticDir, port: 0 });
  }
  if (!chosen) rememberPort(library.dataDir, host.port);
  process.stdout.write(`PlanDesk 已在浏览器模式下启动，请在浏览器中打开：${host.openUrl}\n`);
  process.stdout.write(`资料库：${library.dbPath}　按 Ctrl+C 退出。\n`);
  // Team mode, when it was on at the last quit (设置 → 团队模式); it stops with this process.
  void library.team.restore();
  const stop = () => {
    void host
      .close()
      .then(() => library.team.stop())
      .finally(() => {
        library.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Bundled as dist/electron/browser.cjs; the renderer sits in dist/renderer.
if (typeof require !== 'undefined' && require.main === module) {
  void startBrowserMode(join(__dirname, '..', 'renderer'));
}
