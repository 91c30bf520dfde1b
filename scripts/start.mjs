// `npm start`: build if needed, then start Electron — or, when the Electron binary is not
// installed (offline machines, CI), say so in one Chinese line and serve the same app on
// 127.0.0.1 (browser mode).
import { existsSync, readFileSync, mkdirSync, cpSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildAll, buildIsCurrent } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable, found without require('electron') (which would try to download it). */
export function findElectronBinary() {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(join(pkgDir, 'dist')) || !existsSync(pathTxt)) return null;
  const exe = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/**
 * better-sqlite3 in node_modules is built for Node (the CLI and tests use it). Electron has its
 * own ABI, so the app gets its own copy rebuilt for Electron in .cache/electron-native.
 */
function ensureElectronNative() {
  const target = join(root, '.cache', 'electron-native');
  const binding = join(target, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  process.stderr.write('首次启动：为 Electron 编译 SQLite 模块（约 2 分钟）…\n');
  mkdirSync(join(target, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(target, 'node_modules', 'better-sqlite3'), { recursive: true });
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const r = spawnSync(process.execPath, [require.resolve('@electron/rebuild/lib/cli.js'), '-f', '-w', 'better-sqlite3', '-m', target, '-v', electronVersion], {
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(binding)) return null;
  return binding;
}

if (!buildIsCurrent()) await buildAll();

const electronExe = process.env.PLANDESK_BROWSER_MODE ? null : findElectronBinary();
if (electronExe) {
  const binding = ensureElectronNative();
  if (!binding) {
    process.stderr.write('无法为 Electron 编译 SQLite 模块，改用浏览器模式。\n');
  } else {
    const child = spawn(electronExe, [root], { stdio: 'inherit', env: { ...process.env, PLANDESK_SQLITE_BINDING: binding } });
    child.on('exit', (code) => process.exit(code ?? 0));
    await new Promise(() => {});
  }
} else {
  process.stdout.write('未找到 Electron 程序文件（离线安装时不会下载），PlanDesk 改以浏览器模式运行。\n');
}
const { startBrowserMode } = require(join(root, 'dist', 'electron', 'browser.cjs'));
await startBrowserMode(join(root, 'dist', 'renderer'));
