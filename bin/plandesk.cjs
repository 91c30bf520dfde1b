#!/usr/bin/env node
// The `plandesk` command. Runs the bundled CLI, building it first if this is a fresh checkout.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'electron', 'cli.cjs');
if (!existsSync(cli)) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(cli)) {
    process.stderr.write('PlanDesk 命令行尚未构建，且自动构建失败。请在项目目录运行 npm run build。\n');
    process.exit(1);
  }
}
require(cli);
