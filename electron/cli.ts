// Entry point of the `plandesk` command (bundled to dist/electron/cli.cjs).
import { runCli } from './cli/main';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`出错了：${String(err)}\n`);
    process.exitCode = 1;
  },
);
