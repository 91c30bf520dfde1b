// The phrases a linked draft task shares with its upper task, as written in the draft (for
// highlighting and for the link's explanation).
import { BOILERPLATE } from './similarity';
import { bare, normalizeLevels } from './text';

/** Phrases (≥ 2 characters, not boilerplate) the draft text shares with the upper text. */
export function sharedPhrases(upperText: string, draftText: string, places: { upper: readonly string[]; draft: readonly string[] }): string[] {
  // Capped: highlighting the first 3000 characters is enough, and keeps a pathological task
  // (tens of thousands of characters) from costing seconds.
  const raw = upperText.slice(0, 3000);
  const u = normalizeLevels(raw, places.upper);
  const d = draftText.slice(0, 3000);
  const dn = normalizeLevels(draftText, places.draft);
  // Greedy longest-first matching over the draft's own characters (the UI highlights the
  // draft text); quadratic in the worst case, run only for proposed links.
  const out: string[] = [];
  const chars = [...d];
  let i = 0;
  while (i < chars.length) {
    let len = 0;
    let piece = chars[i]!;
    for (let l = 2; i + l <= chars.length && l <= 60; l++) {
      piece += chars[i + l - 1]!;
      if (!raw.includes(piece) && !u.includes(piece)) break;
      len = l;
    }
    if (len >= 2) {
      const piece = chars.slice(i, i + len).join('');
      const core = bare(piece);
      if (core.length >= 2 && !(core.length <= 4 && (BOILERPLATE.has(`w:${core}`) || /^(安全生产|工作|加强|推进|开展|落实)+$/.test(core)))) {
        if (!out.includes(piece) && (core.length >= 3 || dn.length < 40)) out.push(piece);
      }
      i += len;
    } else i++;
  }
  return out.sort((a, b) => b.length - a.length).slice(0, 12);
}
