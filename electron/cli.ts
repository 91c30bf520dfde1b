// Entry point of the `plandesk` command (bundled to dist/electron/cli.cjs). Kept small: it answers
// `--help` and `--version` from the command list alone, and only for a command loads the rest of
// the command line — electron/cli/list-main.ts for `list`, electron/cli/main.ts for the others,
// bundled apart as cli-list.cjs and cli-main.cjs by scripts/build.mjs — so that Node does not
// even compile the other commands' code (issue 17).
import { helpText, isHelpArg, isVersionArg } from './cli/help';
import { APP_VERSION } from './version';

const argv = process.argv.slice(2);
if (isHelpArg(argv[0])) {
  process.stdout.write(helpText() + '\n');
} else if (isVersionArg(argv[0])) {
  process.stdout.write(APP_VERSION + '\n');
} else {
  (argv[0] === 'list' ? import('./cli/list-main') : import('./cli/main'))
    .then(({ runCli }) => runCli(argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        process.stderr.write(`出错了：${String(err)}\n`);
        process.exitCode = 1;
      },
    );
}
