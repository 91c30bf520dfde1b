// The V8 code cache of the command line's bundle (electron/cli/code-cache.ts, issue 17): made
// after a run, used by the next, and never in the way — damaged, rejected by V8, unwritable or
// switched off, the bundle loads and runs as without it. Then the built `plandesk export` as a
// user runs it: the same DOCX with and without the cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { cacheFileName, cacheFilePrefix, requireWithCodeCache } from '../../electron/cli/code-cache';
import { REPO, syntheticPlan } from '../helpers/sample-plans';
import { tempDir } from '../helpers/temp-library';

/** A small CommonJS bundle with a relative require, its own __dirname and a lazily compiled function. */
function writeBundle(dir: string, extra = ''): string {
  writeFileSync(join(dir, 'helper.cjs'), 'module.exports = { twice: (x) => 2 * x };');
  const file = join(dir, 'bundle.cjs');
  writeFileSync(
    file,
    `"use strict";
const { twice } = require('./helper.cjs');
function sum(xs) { let s = 0; for (const x of xs) s += x; return s; }
module.exports = { run: (xs) => twice(sum(xs)), dir: __dirname, self: this === module.exports };${extra}\n`,
  );
  return file;
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

type Bundle = { run(xs: number[]): number; dir: string; self: boolean };

describe('requireWithCodeCache', () => {
  it('loads as require() would, writes the cache after the run, and uses it the next time', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = writeBundle(dir);
    const first = requireWithCodeCache(file, cache, 'export');
    expect(first.miss).toBe('none');
    const m = first.exports as Bundle;
    expect(m.run([1, 2, 3])).toBe(12);
    expect(m.dir).toBe(dir);
    expect(m.self).toBe(true);
    expect(cacheFiles(cache)).toEqual([]);
    first.save();
    const [name] = cacheFiles(cache);
    expect(name?.startsWith(cacheFilePrefix(file, 'export'))).toBe(true);
    expect(name).toContain(process.versions.v8);

    // (In this process V8 may take the script from its own memory; the whole process below is
    // where the cache itself is shown to be used.)
    const before = readFileSync(join(cache, name!));
    const second = requireWithCodeCache(file, cache, 'export');
    expect(second.miss).toBeUndefined();
    expect((second.exports as Bundle).run([4])).toBe(8);
    second.save(); // nothing to do: the cache was used
    expect(readFileSync(join(cache, name!)).equals(before)).toBe(true);
    // Another tag (command) has its own cache.
    expect(requireWithCodeCache(file, cache, 'check').miss).toBe('none');
  });

  it('ignores a damaged or foreign cache and writes a good one in its place', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = writeBundle(dir);
    requireWithCodeCache(file, cache, 'export').save();
    const [name] = cacheFiles(cache);
    const path = join(cache, name!);
    const good = readFileSync(path);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(path, bad);
      const loaded = requireWithCodeCache(file, cache, 'export');
      expect(loaded.miss).toBe('damaged');
      expect((loaded.exports as Bundle).run([5])).toBe(10);
      loaded.save();
      expect(requireWithCodeCache(file, cache, 'export').miss).toBeUndefined();
    }
  });

  it('a cache V8 rejects (made for another source under this name) is replaced', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const other = join(tempDir(), 'cache');
    // A source this process has not compiled yet (V8 would take it from its own memory).
    const file = writeBundle(dir, `\n// ${dir}`);
    const name = cacheFileName(file, readFileSync(file), 'export');
    // A well-formed cache of a longer source, put where this source's cache belongs.
    const otherFile = writeBundle(tempDir(), '\nmodule.exports.more = () => 1;');
    requireWithCodeCache(otherFile, other, 'export').save();
    mkdirSync(cache);
    writeFileSync(join(cache, name), readFileSync(join(other, cacheFiles(other)[0]!)));
    const loaded = requireWithCodeCache(file, cache, 'export');
    expect(loaded.miss).toBe('rejected');
    expect((loaded.exports as Bundle).run([1])).toBe(2);
    loaded.save();
    expect(requireWithCodeCache(file, cache, 'export').miss).toBeUndefined();
  });

  it('a new build replaces the old cache; no cache folder, or none that can be written, is no error', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const file = writeBundle(dir);
    requireWithCodeCache(file, cache, 'export').save();
    const [old] = cacheFiles(cache);
    writeBundle(dir, '\n// rebuilt');
    requireWithCodeCache(file, cache, 'export').save();
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(cacheFiles(cache)[0]).not.toBe(old);

    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const loaded = requireWithCodeCache(file, blocked, 'export');
    expect((loaded.exports as Bundle).run([2])).toBe(4);
    expect(() => loaded.save()).not.toThrow();
    const none = requireWithCodeCache(file, undefined, 'export');
    expect((none.exports as Bundle).run([3])).toBe(6);
    expect(() => none.save()).not.toThrow();
  });
});

describe('the built plandesk export with its code cache', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--if-needed'], { stdio: ['ignore', 'ignore', 'inherit'] });
    expect(build.status).toBe(0);
  }, 300_000);

  async function documentXml(path: string): Promise<string> {
    return (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
  }

  it('writes the same DOCX on the first run (no cache), the next (cache), after damage, and with the cache off', async () => {
    const home = tempDir();
    const plan = join(home, 'plan.plan.json');
    writeFileSync(plan, JSON.stringify(syntheticPlan(30)));
    const cache = join(home, 'cache');
    const run = (out: string, env: NodeJS.ProcessEnv = {}) => {
      const r = spawnSync(process.execPath, [join(REPO, 'bin', 'plandesk.cjs'), 'export', plan, '--out', join(home, out)], {
        env: { ...process.env, PLANDESK_HOME: home, ...env },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return documentXml(join(home, out));
    };

    const first = await run('1.docx');
    expect(cacheFiles(cache)).toHaveLength(1);
    const path = join(cache, cacheFiles(cache)[0]!);
    const made = statSync(path).mtimeMs;
    expect(await run('2.docx')).toBe(first);
    expect(statSync(path).mtimeMs).toBe(made);

    const bytes = readFileSync(path);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(path, bytes);
    expect(await run('3.docx')).toBe(first);
    const rewritten = readFileSync(path);
    expect(rewritten.equals(bytes)).toBe(false);
    expect(await run('3b.docx')).toBe(first);
    expect(readFileSync(path).equals(rewritten)).toBe(true);

    mkdirSync(join(home, 'off'));
    expect(await run('4.docx', { PLANDESK_CODE_CACHE: '0', PLANDESK_HOME: join(home, 'off') })).toBe(first);
    expect(cacheFiles(join(home, 'off', 'cache'))).toEqual([]);
  }, 120_000);
});
