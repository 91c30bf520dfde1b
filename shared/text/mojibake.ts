// Mojibake (乱码): text that was decoded with the wrong encoding somewhere on its way into the
// plan — a UTF-8 page read as GBK ("因为重点" → "鍥犱负閲嶇偣", "，" → "锛�"), UTF-8 read as
// Latin-1 / Windows-1252 ("安全" → "å®‰å…¨"), bytes lost on the way (U+FFFD, "锟斤拷", "?").
// Hand-written: the decisive test is the round trip — encode the suspicious characters back
// to the bytes the wrong decoder saw and decode them as UTF-8; genuine Chinese text almost
// never survives that (GBK bytes of real text are not valid UTF-8), mojibake always does and
// even gives the original words back. Only TextDecoder is used (every environment of shared/
// has it); its GBK table is read once, lazily.
import { HAN } from './han';

export interface Mojibake {
  /** The garbled characters as they stand in the text (clipped). */
  text: string;
  index: number;
  /** The words they were, when the round trip recovers them. */
  recovered?: string;
}

interface Tables {
  /** Character → its two GBK bytes (high byte × 256 + low byte). */
  gbk: Map<string, number>;
  /** The 6763 hanzi of GB2312: what everyday simplified text is written in. */
  gb2312: Set<string>;
  /** Windows-1252 characters of the bytes 0x80–0x9F → the byte. */
  cp1252: Map<string, number>;
}

/**
 * WHATWG Encoding's TextDecoder ('gbk', 'utf-8', 'windows-1252'): global in Node, Chromium and
 * Electron, but not declared for shared/ (its lib is bare ES, and a declaration here would
 * clash with Node's and the DOM's in the other projects).
 */
interface Decoder {
  decode(input: Uint8Array): string;
}
function decoder(label: string): Decoder {
  return new (globalThis as unknown as { TextDecoder: new (label: string) => Decoder }).TextDecoder(label);
}

let tables: Tables | null = null;

function getTables(): Tables {
  if (tables) return tables;
  const bytes: number[] = [];
  const codes: number[] = [];
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      bytes.push(hi, lo, 0x20); // a space after each pair keeps an invalid pair from shifting the rest
      codes.push(hi * 256 + lo);
    }
  }
  const gbk = new Map<string, number>();
  const gb2312 = new Set<string>();
  decoder('gbk')
    .decode(new Uint8Array(bytes))
    .split(' ')
    .forEach((ch, i) => {
      if (ch.length !== 1 || ch === '\ufffd' || gbk.has(ch)) return;
      const code = codes[i]!;
      gbk.set(ch, code);
      const hi = code >> 8;
      if (hi >= 0xb0 && hi <= 0xf7 && (code & 0xff) >= 0xa1) gb2312.add(ch);
    });
  const cp1252 = new Map<string, number>();
  const high = new Uint8Array(32).map((_, i) => 0x80 + i);
  [...decoder('windows-1252').decode(high)].forEach((ch, i) => cp1252.set(ch, 0x80 + i));
  tables = { gbk, gb2312, cp1252 };
  return tables;
}

const HAN_RE = new RegExp(`[${HAN}]`, 'u');
const utf8 = () => decoder('utf-8');

/** What the round trip gives back, when it is clean Chinese: GB2312 hanzi and CJK punctuation, two hanzi at least. */
function cleanChinese(decoded: string, t: Tables): boolean {
  let han = 0;
  for (const ch of decoded) {
    if (t.gb2312.has(ch)) han++;
    else if (!/[\u3000-\u303f\uff00-\uffef“”‘’…—·]/u.test(ch)) return false;
  }
  return han >= 2;
}

/** UTF-8 read as GBK: the longest clean round trip in a run of GBK characters around a rare one. */
function gbkRoundTrip(s: string, t: Tables): Mojibake | null {
  const chars = [...s];
  // Offsets into s of each char, for the index reported.
  const offsets: number[] = [];
  let o = 0;
  for (const ch of chars) {
    offsets.push(o);
    o += ch.length;
  }
  const isRare = (ch: string) => HAN_RE.test(ch) && !t.gb2312.has(ch);
  const bytesOf = (a: number, b: number): Uint8Array | null => {
    const out: number[] = [];
    for (let k = a; k < b; k++) {
      const code = t.gbk.get(chars[k]!);
      if (code === undefined) return null;
      out.push(code >> 8, code & 0xff);
    }
    return new Uint8Array(out);
  };
  const dec = utf8();
  for (let seed = 0; seed < chars.length; seed++) {
    if (!isRare(chars[seed]!)) continue;
    for (let a = Math.max(0, seed - 1); a <= seed; a++) {
      // Mojibake of UTF-8 starts with a UTF-8 lead byte; genuine text (traditional characters,
      // rare names) mostly does not, and is passed over without decoding.
      const lead = t.gbk.get(chars[a]!);
      if (lead === undefined || lead >> 8 < 0xc2 || lead >> 8 > 0xf4) continue;
      // Three characters (six bytes, two UTF-8 characters) at least; the longest clean window wins.
      let best = -1;
      let recovered = '';
      for (let b = seed + 3; b <= Math.min(chars.length, seed + 24); b++) {
        const bytes = bytesOf(a, b);
        if (!bytes) break;
        const decoded = dec.decode(bytes);
        const bad = decoded.indexOf('\ufffd');
        if (bad >= 0 && bad < decoded.length - 1) break; // invalid inside: no longer window heals it
        if (bad >= 0) continue; // ends inside a character: try one longer
        if (!cleanChinese(decoded, t)) continue;
        let rare = 0;
        for (let k = a; k < b; k++) if (isRare(chars[k]!)) rare++;
        if (rare < 2) continue;
        best = b;
        recovered = decoded;
      }
      if (best > 0) return { text: chars.slice(a, best).join(''), index: offsets[a]!, recovered };
    }
  }
  return null;
}

/** UTF-8 read as Latin-1 / Windows-1252: "å®‰å…¨". */
function latin1RoundTrip(s: string, t: Tables): Mojibake | null {
  for (const m of s.matchAll(
    /[\u00c0-\u00ff\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{4,}/gu,
  )) {
    const bytes: number[] = [];
    for (const ch of m[0]) {
      const c = ch.charCodeAt(0);
      bytes.push(c <= 0xff ? c : (t.cp1252.get(ch) ?? 0));
    }
    const decoded = utf8().decode(new Uint8Array(bytes));
    if (!decoded.includes('\ufffd') && [...decoded].filter((ch) => HAN_RE.test(ch)).length >= 1) {
      return { text: m[0], index: m.index, recovered: decoded };
    }
  }
  return null;
}

/** A lost byte shown as "?" glued between Latin letters and hanzi: "?yàn)橹攸c". */
const MIXED = new RegExp(`(?<![A-Za-z0-9/=&%#])\\?[a-zà-ÿāáǎēéěīíǐōóǒūúǔǖǘǚǜü]{1,8}[^\\s${HAN}]{0,2}[${HAN}]{1,4}[A-Za-z]`, 'u');

const CLIP = 12;

function clip(s: string): string {
  return s.length > CLIP ? `${s.slice(0, CLIP)}…` : s;
}

/** The first place the text looks garbled, or null. */
export function findMojibake(s: string): Mojibake | null {
  if (!s) return null;
  const replacement = s.indexOf('\ufffd');
  if (replacement >= 0) return { text: clip(s.slice(Math.max(0, replacement - 3), replacement + 3)), index: replacement };
  const known = /锟斤拷|烫烫烫|屯屯屯/u.exec(s);
  if (known) return { text: known[0], index: known.index };
  const mixed = MIXED.exec(s);
  if (mixed) return { text: mixed[0], index: mixed.index };
  // The round trips only where something is unusual: a non-ASCII, non-GB2312 character.
  if (!/[^\x00-\x7f]/.test(s)) return null;
  const t = getTables();
  const latin = latin1RoundTrip(s, t);
  if (latin) return { ...latin, text: clip(latin.text), recovered: clip(latin.recovered!) };
  const gbk = gbkRoundTrip(s, t);
  return gbk ? { ...gbk, text: clip(gbk.text), recovered: clip(gbk.recovered!) } : null;
}
