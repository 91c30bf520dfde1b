// Stands in for `opencc-js/t2cn` in the renderer's bundle (renderer/vite.config.ts aliases it):
// the converter's dictionaries are a chunk of their own, fetched only when pasted text reads as
// traditional Chinese (editor/clipboard.ts calls loadOpenCC first). shared/import/traditional.ts
// calls Converter as it does in Node, synchronously, once the chunk is there.
import type * as T2cn from 'opencc-js/t2cn';

type OpenCC = typeof T2cn;

let real: OpenCC | null = null;
let loading: Promise<void> | null = null;

/** Fetches the converter (once); resolves when Converter can be called. */
export function loadOpenCC(): Promise<void> {
  loading ??= import('plandesk-opencc-real').then(
    (m) => {
      real = m;
    },
    (err: unknown) => {
      loading = null; // a later paste tries again
      throw err;
    },
  );
  return loading;
}

export function openCCLoaded(): boolean {
  return real !== null;
}

export const Converter: OpenCC['Converter'] = (options) => {
  if (!real) throw new Error('opencc-js is not loaded yet (call loadOpenCC first)');
  return real.Converter(options);
};
