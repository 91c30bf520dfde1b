// The preload (electron/preload.ts) with a fake `electron` module: it exposes exactly one
// function, invoke, on one name, and listens to one channel (menu commands, passed on as DOM events).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fake = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, result: 1 })),
  on: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: fake.exposeInMainWorld },
  ipcRenderer: { invoke: fake.invoke, on: fake.on },
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload');
  });

  it('exposes exactly one function, invoke, under window.plandesk', () => {
    expect(fake.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = fake.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe('plandesk');
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(Object.getOwnPropertyNames(api)).toEqual(['invoke']);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(api.invoke).toBeTypeOf('function');
  });

  it('invoke sends name and arguments on the one IPC channel and returns only the answer', async () => {
    const api = fake.exposeInMainWorld.mock.calls[0]![1] as { invoke(name: string, args: unknown): Promise<unknown> };
    await expect(api.invoke('plans.list', { a: 1 })).resolves.toEqual({ ok: true, result: 1 });
    expect(fake.invoke).toHaveBeenCalledExactlyOnceWith('plandesk:invoke', 'plans.list', { a: 1 });
  });

  it('listens only to menu commands and passes them on as a DOM event with a string', () => {
    expect(fake.on.mock.calls.map((c) => c[0])).toEqual(['plandesk:menu']);
    const dispatched: Array<{ type: string; detail: unknown }> = [];
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { dispatchEvent: g.dispatchEvent, CustomEvent: g.CustomEvent };
    g.dispatchEvent = (e: { type: string; detail: unknown }) => void dispatched.push(e);
    g.CustomEvent = class {
      constructor(
        public type: string,
        init: { detail: unknown },
      ) {
        (this as unknown as { detail: unknown }).detail = init.detail;
      }
    };
    try {
      const listener = fake.on.mock.calls[0]![1] as (event: unknown, command: unknown) => void;
      listener({ sender: 'ipc event' }, 'save-point');
      listener({}, { evil: true });
    } finally {
      g.dispatchEvent = saved.dispatchEvent;
      g.CustomEvent = saved.CustomEvent;
    }
    expect(dispatched).toEqual([
      expect.objectContaining({ type: 'plandesk:menu', detail: 'save-point' }),
      expect.objectContaining({ type: 'plandesk:menu', detail: '[object Object]' }),
    ]);
  });
});

// The bundle that ships (npm run build): a sandboxed preload may require only 'electron' and a
// few built-ins, so a bundling change that pulls in anything else breaks the window.
const BUILT = fileURLToPath(new URL('../../dist/electron/preload.cjs', import.meta.url));

describe.skipIf(!existsSync(BUILT))('built preload (dist/electron/preload.cjs)', () => {
  it('requires only electron and exposes only invoke', () => {
    const required: string[] = [];
    const expose = vi.fn();
    const fakeElectron = { contextBridge: { exposeInMainWorld: expose }, ipcRenderer: { invoke: vi.fn(), on: vi.fn() } };
    const run = new Function('require', 'module', 'exports', readFileSync(BUILT, 'utf8'));
    const module = { exports: {} };
    run(
      (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
        return fakeElectron;
      },
      module,
      module.exports,
    );
    expect(required).toEqual(['electron']);
    expect(expose).toHaveBeenCalledTimes(1);
    expect(expose.mock.calls[0]![0]).toBe('plandesk');
    expect(Object.keys(expose.mock.calls[0]![1] as object)).toEqual(['invoke']);
  });
});
