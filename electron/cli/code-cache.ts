// Loading the command line's big bundle (cli-main.cjs: every command, docx and zod) with a V8
// code cache (issue 17). Node 20 has no module.enableCompileCache, so the bundle is compiled here
// as CommonJS through vm.Script with the cached data of an earlier run; after a run that had no
// usable cache, the cache is made from the script as it is then — with the functions compiled
// lazily while the command ran, which are most of the work — and written for the next run.
//
// The cache file is named after the bundle's content hash, V8's version and the architecture, so a
// new build, another Node or Electron's Node never reads another's cache; it starts with a check
// sum of its data, so a torn or damaged file is never given to V8; V8 itself rejects data made
// under other flags. Any failure to read, check or write the cache only costs the compile it
// would have saved: the bundle is then loaded as if there were no cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';

/** The start of a cache file: a version of this format, then the SHA-1 of the data after it. */
const MAGIC = Buffer.from('PlanDesk V8 cache 1\n');
const SUM_BYTES = 20;

export interface CodeCachedModule {
  exports: unknown;
  /** Why the cache was not used: 'none' (no file), 'damaged' (check sum), 'rejected' (by V8). */
  miss?: 'none' | 'damaged' | 'rejected';
  /** Writes the cache when this run had none it could use (call after the work, once). */
  save(): void;
}

const sha1 = (data: Uint8Array) => createHash('sha1').update(data).digest();

/** A cache's name: cacheFilePrefix, then its key: the bundle's content, V8's version, the architecture. */
export function cacheFileName(filename: string, bytes: Uint8Array, tag: string): string {
  const v8 = process.versions.v8.replace(/[^\w.-]/g, '_');
  return `${cacheFilePrefix(filename, tag)}${sha1(bytes).toString('hex').slice(0, 20)}-${v8}-${process.arch}.v8cache`;
}

/** What every cache of this bundle and tag is named after, whatever its key. */
export function cacheFilePrefix(filename: string, tag: string): string {
  return `${basename(filename, '.cjs')}.${tag}.`;
}

function readCache(file: string): Buffer | 'none' | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return 'none';
  }
  const data = bytes.subarray(MAGIC.length + SUM_BYTES);
  const ok =
    bytes.length > MAGIC.length + SUM_BYTES &&
    bytes.subarray(0, MAGIC.length).equals(MAGIC) &&
    bytes.subarray(MAGIC.length, MAGIC.length + SUM_BYTES).equals(sha1(data));
  return ok ? data : 'damaged';
}

/** Temp file and rename, so that a reader never sees half a cache; old keys' files removed. */
function writeCache(dir: string, name: string, prefix: string, data: Buffer): void {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, Buffer.concat([MAGIC, sha1(data), data]));
    renameSync(temp, join(dir, name));
  } finally {
    rmSync(temp, { force: true });
  }
  for (const other of readdirSync(dir)) {
    if (other !== name && other.startsWith(prefix) && other.endsWith('.v8cache')) rmSync(join(dir, other), { force: true });
  }
}

/**
 * Loads the CommonJS file `filename` (a self-contained bundle) as require() would, compiled with
 * the code cache kept in `cacheDir` under `tag` (one cache per command: each run compiles the
 * functions its command needs); without a cacheDir, with no cache at all.
 */
export function requireWithCodeCache(filename: string, cacheDir: string | undefined, tag: string): CodeCachedModule {
  // Without a way to give the script Node's own import() (before Node 20.12), a plain require.
  const mainContextImport = (vm as { constants?: Partial<typeof vm.constants> }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (!mainContextImport) return { exports: createRequire(filename)(filename) as unknown, save() {} };
  // The bytes are hashed (not the text: hashing would encode it again, 2 MB of mostly Chinese).
  const bytes = readFileSync(filename);
  const source = bytes.toString('utf8');
  const name = cacheDir ? cacheFileName(filename, bytes, tag) : '';
  const cached = cacheDir ? readCache(join(cacheDir, name)) : 'none';
  const script = new vm.Script(wrapCommonJs(source), {
    filename,
    ...(typeof cached === 'string' ? {} : { cachedData: cached }),
    // The bundle's import() of an ES module (pdf.js) resolves as in any CommonJS file.
    importModuleDynamically: mainContextImport,
  });
  const miss = typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : undefined;
  const module = { exports: {} as unknown, filename, id: filename, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  module.loaded = true;
  let saved = false;
  return {
    exports: module.exports,
    ...(miss ? { miss } : {}),
    save() {
      if (!cacheDir || !miss || saved) return;
      saved = true;
      try {
        writeCache(cacheDir, name, cacheFilePrefix(filename, tag), script.createCachedData());
      } catch {
        // A read-only or full disk: the next run compiles again.
      }
    },
  };
}

/** CommonJS's function wrapper, as Node puts it around a module's source. */
function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
}
