// Bracket-aware helpers shared by the unit, target and outline parsers. Pages mix （ ） ( )
// 〔 〕 [ ] 【 】 and nest them (各镇（街道）inside a units parenthetical), so every split
// and every search for "the last parenthetical" counts depth instead of using a regex.

export const OPENERS = '（(〔[【';
export const CLOSERS = '）)〕]】';

export function isOpener(ch: string): boolean {
  return OPENERS.includes(ch);
}
export function isCloser(ch: string): boolean {
  return CLOSERS.includes(ch);
}

/**
 * Per UTF-16 code: 1 opener, 2 closer (quotes “ ” and 《 》 included). A lookup table because
 * splitTopLevel runs over every clause of every task in a comparison.
 */
const BRACKET = new Uint8Array(65536);
for (const c of [...OPENERS, '“', '《']) BRACKET[c.charCodeAt(0)] = 1;
for (const c of [...CLOSERS, '”', '》']) BRACKET[c.charCodeAt(0)] = 2;
const separatorTables = new Map<string, Uint8Array>();

/**
 * Splits on any character of `separators` that is at bracket depth 0 (quotes “ ” and 《 》
 * count as brackets too). Empty pieces are dropped; pieces are trimmed.
 */
export function splitTopLevel(s: string, separators: string): string[] {
  let seps = separatorTables.get(separators);
  if (!seps) {
    seps = new Uint8Array(65536);
    for (const c of separators) seps[c.charCodeAt(0)] = 1;
    separatorTables.set(separators, seps);
  }
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = BRACKET[c];
    if (b === 1) depth++;
    else if (b === 2 && depth > 0) depth--;
    else if (depth === 0 && seps[c] === 1) {
      const piece = s.slice(start, i).trim();
      if (piece) out.push(piece);
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Index of the first `ch` at bracket depth 0, or -1. */
export function indexOfTopLevel(s: string, chars: string, from = 0): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (isOpener(c) || c === '“' || c === '《') depth++;
    else if ((isCloser(c) || c === '”' || c === '》') && depth > 0) depth--;
    else if (depth === 0 && i >= from && chars.includes(c)) return i;
  }
  return -1;
}

/**
 * For a string ending in a closing bracket, the index of the matching opener, counting depth
 * backwards; -1 when the opener is missing (the page lost it).
 */
export function matchingOpener(s: string, closeIndex: number): number {
  let depth = 0;
  for (let i = closeIndex; i >= 0; i--) {
    const ch = s[i]!;
    if (isCloser(ch)) depth++;
    else if (isOpener(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** True when every bracket in s is closed in order (any bracket kind matches any other). */
export function bracketsBalanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (isOpener(ch)) depth++;
    else if (isCloser(ch)) {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}
