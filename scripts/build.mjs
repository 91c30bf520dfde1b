// Builds the renderer (Vite) into dist/renderer and the Node/Electron entries (esbuild) into
// dist/electron. `node scripts/build.mjs --if-needed` skips the work when nothing changed.
import { build as esbuild } from 'esbuild';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const sources = Math.max(
    ...['shared', 'electron', 'renderer', 'templates'].filter((d) => existsSync(join(root, d))).map((d) => newestMtime(join(root, d))),
    statSync(join(root, 'package.json')).mtimeMs,
  );
  return sources < built;
}

// cli.ts's `import('./cli/main')` and `import('./cli/list-main')` stay loads of the separately
// built cli-main.cjs and cli-list.cjs, so that cli.cjs holds only the argument check and the help
// text (issue 17: `plandesk --help` and `list` within 50 ms of `node -e 0`). One process loads
// cli.cjs and at most one of the two; cli.cjs shares with them only plain data and functions (the
// command list, the help text, the version), never a class whose identity matters. cli-list.cjs
// is required; cli-main.cjs is compiled with a V8 code cache by electron/cli/main-cached.ts, which
// takes ./cli/main's place in cli.cjs (evaluated only for a command other than list).
const cliEntrySplit = {
  name: 'cli-entry-split',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli\/main$/ }, (args) =>
      args.importer === join(root, 'electron', 'cli.ts') ? { path: join(root, 'electron', 'cli', 'main-cached.ts') } : undefined,
    );
    const split = { './cli/list-main': './cli-list.cjs' };
    // A require, not an import(): Node would start its ESM loader for an import() of a .cjs file.
    build.onResolve({ filter: /^\.\/cli\/list-main$/ }, (args) =>
      args.importer === join(root, 'electron', 'cli.ts') ? { path: split[args.path], namespace: 'cli-entry-split' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'cli-entry-split' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/cli-list\.cjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

export async function buildAll({ quiet = false } = {}) {
  const log = (m) => quiet || process.stderr.write(m + '\n');
  log('构建界面（Vite）…');
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  log('构建主进程与命令行（esbuild）…');
  /** What every Node bundle here shares: CommonJS for Node 20 beside main.cjs, with source maps. */
  const nodeBundle = {
    outdir: join(root, 'dist', 'electron'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  };
  await esbuild({
    entryPoints: {
      main: join(root, 'electron', 'main.ts'),
      preload: join(root, 'electron', 'preload.ts'),
      cli: join(root, 'electron', 'cli.ts'),
      // The command line behind its small entry (cli.cjs loads one of them for a command, neither
      // for --help): `list` alone, and every command (each module evaluated only when it runs).
      'cli-list': join(root, 'electron', 'cli', 'list-main.ts'),
      browser: join(root, 'electron', 'browser.ts'),
    },
    plugins: [cliEntrySplit],
    ...nodeBundle,
    packages: 'external',
    define: { __PLANDESK_VERSION__: JSON.stringify(pkg.version) },
  });
  // Every command (cli-main.cjs) with the plain-JavaScript libraries an export runs on bundled in:
  // one script, which cli.cjs compiles with a V8 code cache (electron/cli/code-cache.ts), rather
  // than a hundred files resolved, read and compiled one by one (issue 17). The other libraries
  // (native, worker-loaded, or only for reading files) stay in node_modules.
  // The team server's ProseMirror side (y-prosemirror, @tiptap/pm: prosemirror-*) is bundled too:
  // @tiptap/pm is a devDependency (the page bundles it), so it is not in an installed app's node_modules.
  const bundledInCli = new Set(['docx', 'zod', 'fflate', 'y-prosemirror', '@tiptap/pm']);
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => !bundledInCli.has(d));
  await esbuild({
    entryPoints: { 'cli-main': join(root, 'electron', 'cli', 'main.ts') },
    ...nodeBundle,
    external: [...deps, ...deps.map((d) => `${d}/*`)],
  });
  // The import worker (electron/import/run-bounded.ts) with its libraries bundled in: a worker
  // thread cannot read Electron's asar archive, so the file is unpacked (electron-builder.yml).
  await esbuild({
    entryPoints: { 'import-worker': join(root, 'electron', 'import', 'import-worker.ts') },
    ...nodeBundle,
    // pdf.js is loaded from its own unpacked folder by the PDF worker; the in-process fallback
    // imports it at run time.
    external: ['pdfjs-dist', 'pdfjs-dist/*'],
  });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  log('构建完成。');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ifNeeded = process.argv.includes('--if-needed');
  if (ifNeeded && buildIsCurrent()) process.exit(0);
  await buildAll();
}
