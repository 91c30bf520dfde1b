// Fuzz test of the browser-mode HTTP API (issue 16): the real server process on a free port,
// random arguments for every operation of the contract — wrong types, huge strings, nested
// junk, missing fields, prototype-pollution keys — from several concurrent clients, plus
// malformed bodies. Every answer is a 2xx or a 4xx with a Chinese message (never a 5xx or an
// internal error), the server stays up, and a plan nobody asked to change is unchanged.
// Bounded: a fixed seed and a fixed number of requests (well under 30 s).
import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/contract';
import { emptyPlan } from '../../shared/plan/schema';
import { encodeWire } from '../../shared/wire';
import { apiCall, useServerProcess, rawPost, type ApiAnswer } from '../helpers/browser-process';
import { rng as seeded } from '../helpers/rng';

const SEED = Number(process.env.FUZZ_SEED ?? 4);
const REQUESTS = 500;
const CLIENTS = 4;
const HAN = /[\u4e00-\u9fff]/;

/** The shared seeded generator with the helpers this fuzzer draws with. */
function rng(seed: number) {
  const next = seeded(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const STRINGS = [
  '',
  ' ',
  'x',
  '2026',
  '安全生产',
  '../../../../etc/passwd',
  '/tmp/plandesk-fuzz.docx',
  'C:\\Windows\\x.docx',
  'a\u0000b',
  '\ud800',
  '<script>alert(1)</script>',
  '%00%2e%2e',
  '$bytes',
  '__proto__',
  'constructor',
  'bundled:../../x.json',
  'bundled:county-yaodian.json',
  'plan',
  'upper',
  'template',
  'draft',
  'issued',
  'confirmed',
  '采纳',
  'open',
  'resolved',
];
const NUMBERS = [0, -1, 1, 2.5, -0, 1e308, -1e308, 2026, 1949, 2101, 2 ** 53, 4294967296, 65535];
const POLLUTION = ['__proto__', 'constructor', 'prototype'];

function junkString(r: Rng, knownIds: string[]): string {
  switch (r.int(6)) {
    case 0:
      return r.pick(STRINGS);
    case 1:
      return r.pick(knownIds);
    case 2: // huge
      return r.pick(['安', 'a', '\u0000', '（', '\ud83d\ude00']).repeat(r.pick([5_000, 100_000, 1_000_000]));
    case 3:
      return Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0x10000))).join('');
    case 4:
      return String(r.int(1_000_000));
    default:
      return r.pick(STRINGS) + r.pick(STRINGS);
  }
}

function deepNest(depth: number, r: Rng): unknown {
  let v: unknown = r.pick([null, 1, 'x', []]);
  for (let i = 0; i < depth; i++) v = r.chance(0.5) ? [v] : { type: 'heading', children: [v] };
  return v;
}

function junk(r: Rng, knownIds: string[], depth = 0): unknown {
  const k = r.int(depth > 3 ? 6 : 10);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick(NUMBERS);
    case 3:
    case 4:
      return junkString(r, knownIds);
    case 5:
      return new Uint8Array(Array.from({ length: r.pick([0, 1, 16, 4096]) }, () => r.int(256)));
    case 6:
      return Array.from({ length: r.int(5) }, () => junk(r, knownIds, depth + 1));
    case 7:
      return junkObject(r, knownIds, depth + 1);
    case 8:
      return deepNest(r.pick([10, 300, 1_500]), r);
    default:
      return { $bytes: r.pick(['!!!', '', 'AAAA', '=', 'QUJD']) };
  }
}

/** Sets an own property, also for "__proto__" (plain assignment would change the prototype). */
function setOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function junkObject(r: Rng, knownIds: string[], depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = r.int(4); i > 0; i--) setOwn(o, r.pick([...POLLUTION, 'id', 'doc', 'meta', 'body', 'title', 'x']), junk(r, knownIds, depth));
  return o;
}

/** A plan document that is nearly valid, then damaged in one place (or not at all). */
function nearPlan(r: Rng, knownIds: string[]): unknown {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026) as unknown as Record<string, unknown>;
  (doc.body as unknown[]).push({ type: 'heading', level: 1, ordinal: 1, title: '总体要求', children: [] });
  switch (r.int(6)) {
    case 0:
      return doc;
    case 1:
      doc.body = deepNest(r.pick([50, 1_000]), r);
      return doc;
    case 2:
      setOwn(doc.meta as object, r.pick(['title', 'year', 'addressees', '__proto__']), junk(r, knownIds));
      return doc;
    case 3:
      setOwn(doc, r.pick(POLLUTION), { polluted: true, revision: 99 });
      return doc;
    case 4:
      (doc.body as unknown[]).push(junk(r, knownIds));
      return doc;
    default:
      return junk(r, knownIds);
  }
}

const TEXT = '一、总体要求\n（一）压实安全生产责任\n1.落实党政同责。各镇街负责落实。（市应急局牵头）\n';

/** A value that could pass for the field (so that requests get past the first check). */
function plausible(key: string, r: Rng, knownIds: string[]): unknown {
  if (/^(id|planId|draftId|upperId)$/.test(key)) return r.pick(knownIds);
  if (/revision|versionId/i.test(key)) return r.pick([0, 1, 2, 3]);
  if (key === 'year') return r.pick([2025, 2026, 1949, 2100]);
  if (key === 'limit') return r.pick([1, 10, 1000]);
  if (key === 'doc') return nearPlan(r, knownIds);
  if (key === 'bytes') return new TextEncoder().encode(r.chance(0.5) ? TEXT : junkString(r, knownIds).slice(0, 5000));
  if (key === 'fileName' || key === 'defaultName') return r.pick(['a.txt', 'b.docx', 'c.html', 'd.pdf', 'e.ofd', 'f.doc', '../g.txt', '要点.docx']);
  if (key === 'text' || key === 'html') return r.chance(0.7) ? TEXT : junkString(r, knownIds);
  if (key === 'path') return r.pick(['/tmp/plandesk-fuzz.docx', 'x.docx', '../x.docx', '/etc/passwd']);
  if (key === 'kind') return r.pick(['plan', 'upper', 'template', 'table']);
  if (key === 'status') return r.pick(['draft', 'issued', 'open', 'resolved']);
  if (key === 'decision') return r.pick(['confirmed', 'rejected', 'added', '采纳', '不采纳', null]);
  if (key === 'options') return r.pick([{}, { form: 'notice' }, { form: 'plan', sealed: true }, { fonts: { body: junkString(r, knownIds) } }]);
  if (key === 'upperIds') return knownIds.slice(0, r.int(knownIds.length + 1));
  if (key === 'rows')
    return Array.from({ length: r.int(4) }, () => ({ upper: TEXT, draft: junkString(r, knownIds).slice(0, 5000), status: '已落实', targets: '' }));
  if (key === 'files')
    return Array.from({ length: 1 + r.int(2) }, () => ({
      fileName: r.pick(['a.docx', 'b.doc', 'c.wps']),
      bytes: new Uint8Array(r.int(2048)).map(() => r.int(256)),
      unit: '某局',
    }));
  if (key === 'snapshot') return { kind: 'comment', unit: '某局', task: '任务', content: junkString(r, knownIds).slice(0, 4000), nodeId: null };
  if (key === 'lineNumbers') return r.chance(0.5);
  if (key === 'threadId') return r.pick(['abcdefgh12', 'x', 'zzzzzzzzzzzzzzzzz']);
  if (key === 'value') return junk(r, knownIds);
  return r.pick(['2026年全县安全生产工作要点', '某某县安全生产委员会', '安全', '张三', 'k', 'plandesk.export', junkString(r, knownIds)]);
}

/** Arguments for one operation: its own fields (some missing, some wrong), extra junk keys. */
function argsFor(name: string, r: Rng, knownIds: string[]): unknown {
  if (r.chance(0.05)) return junk(r, knownIds);
  const shape = (operations as unknown as Record<string, { shape?: Record<string, unknown> }>)[name]!.shape ?? {};
  const args: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const roll = r.next();
    if (roll < 0.1) continue; // missing
    args[key] = roll < 0.8 ? plausible(key, r, knownIds) : junk(r, knownIds);
  }
  if (r.chance(0.3)) {
    // An own "__proto__" (or constructor/prototype) key, as JSON.parse makes it on the server.
    setOwn(args, r.pick(POLLUTION), { polluted: true, isAdmin: true });
  }
  return args;
}

/** Bodies that are not a well-formed call at all, or nested deeper than any real request. */
const RAW_BODIES: ReadonlyArray<string | Buffer> = [
  '',
  '{',
  'null',
  '[]',
  '"plans.list"',
  '{"name":1}',
  '{"name":"plans.list","args":' + '['.repeat(100_000),
  Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
  '{"name":"plans.get","args":{"id":"\\ud800"}}',
  '{"__proto__":{"name":"plans.delete"},"args":{}}',
  '{"name":"import.file","args":{"fileName":"a.txt","bytes":{"$bytes":"@@@"}}}',
  // Nesting far deeper than the client's own JSON.stringify could write.
  `{"name":"settings.set","args":{"key":"k","value":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
  `{"name":"plans.create","args":{"title":"甲","year":2026,"doc":{"body":${'[{"type":"heading","children":'.repeat(20_000)}[]${'}]'.repeat(20_000)}}}}`,
  `{"name":"review.opinions.set","args":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
  // Deep enough to pass JSON.parse, and to exhaust a recursive validator.
  `{"name":"settings.set","args":{"key":"k","value":${'['.repeat(3_000)}${']'.repeat(3_000)}}}`,
  `{"name":"settings.set","args":{"key":"k","value":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}}`,
  `{"name":"plans.create","args":{"title":"甲","year":2026,"doc":{"body":${'[{"type":"heading","children":'.repeat(2_000)}[]${'}]'.repeat(2_000)}}}}`,
];

const ctx = useServerProcess();

describe('HTTP API fuzz', () => {
  it(`${REQUESTS} random requests over every operation: 2xx or a Chinese 4xx, server up, the known plan unchanged`, async () => {
    const started = Date.now();
    const create = (title: string) => apiCall(ctx.server, 'plans.create', { title, year: 2026, doc: nearPlan(rng(1), []) as object });
    const known = (await create('2026年全县安全生产工作要点')).body as { ok: boolean; result: { id: string } };
    expect(known.ok).toBe(true);
    const knownBefore = (await apiCall(ctx.server, 'plans.get', { id: known.result.id })).text;
    // The fuzzer may change, delete or save over these (with valid ids); never the known plan.
    const scratch = [(await create('草稿甲')).body, (await create('草稿乙')).body].map((b) => (b as { result: { id: string } }).result.id);
    const ids = [...scratch, 'no-such-plan', 'bundled:county-yaodian.json'];

    const names = Object.keys(operations);
    const problems: string[] = [];
    const seen = new Set<string>();
    const tally: Record<string, number> = {};
    // Client c sends requests c, c + CLIENTS, …, each from its own generator: reproducible
    // whatever order the answers come back in.
    const client = async (c: number) => {
      const r = rng(SEED * 100 + c);
      for (let i = c; i < REQUESTS; i += CLIENTS) {
        // Every operation at least once, then at random; one request in ten is a malformed body.
        const name = i < names.length ? names[i]! : r.pick(names);
        let answer: ApiAnswer;
        let what: string;
        if (i >= names.length && r.chance(0.1)) {
          const body = r.pick(RAW_BODIES);
          what = `raw ${String(body).slice(0, 60)}`;
          answer = await rawPost(ctx.server, body, r.chance(0.9) ? 'application/json' : 'text/plain');
        } else {
          const args = argsFor(name, r, ids);
          what = `${name} ${encodeWire(args).slice(0, 160)}`;
          answer = await rawPost(ctx.server, encodeWire({ name, args }));
          seen.add(name);
        }
        const body = answer.body as { ok?: boolean; error?: { code?: string; message?: string } } | null;
        const key = `${answer.status} ${what.split(' ')[0]} ${(body?.error?.message ?? '').slice(0, 30)}`;
        tally[key] = (tally[key] ?? 0) + 1;
        if (answer.status >= 500) problems.push(`${answer.status} ${what} → ${answer.text.slice(0, 200)}`);
        else if (answer.status >= 400 || body?.ok === false) {
          const msg = body?.error?.message ?? '';
          if (body?.error?.code === 'internal' || !HAN.test(msg)) problems.push(`${answer.status} ${what} → ${answer.text.slice(0, 200)}`);
        } else if (answer.status !== 200 || body?.ok !== true) problems.push(`${answer.status} ${what} → ${answer.text.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    // And every malformed body once.
    for (const body of RAW_BODIES) {
      const answer = await rawPost(ctx.server, body);
      const err = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
      if (answer.status < 400 || answer.status >= 500 || err?.code === 'internal' || !HAN.test(err?.message ?? ''))
        problems.push(`${answer.status} raw ${String(body).slice(0, 60)} → ${answer.text.slice(0, 200)}`);
    }

    if (process.env.FUZZ_DEBUG) console.log(JSON.stringify(tally, null, 1));
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([...names].sort());
    // Still up, nothing logged as an internal error, the known plan as it was.
    expect(ctx.server.child.exitCode).toBeNull();
    expect((await apiCall(ctx.server, 'plans.list', {})).status).toBe(200);
    expect((await apiCall(ctx.server, 'plans.get', { id: known.result.id })).text).toBe(knownBefore);
    expect(ctx.server.output()).not.toMatch(/internal error/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
