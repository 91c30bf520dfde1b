// Pieces of the coverage view: a node's title, text and units parenthetical, and text with
// the phrases it shares with the other side marked.
import type { BodyNode } from '../../../shared/plan/schema';
import { unitsParenthetical } from '../../../shared/plan/running-text';

export function nodeText(node: BodyNode | null): { title: string; text: string; units: string } {
  if (!node || node.type === 'paragraph') return { title: '', text: node?.text ?? '', units: '' };
  if (node.type === 'heading') return { title: node.title, text: node.text ?? '', units: '' };
  return { title: node.title, text: node.text, units: unitsParenthetical(node) };
}

export function Highlight({ text, phrases }: { text: string; phrases: string[] }) {
  if (!phrases.length || !text) return <>{text}</>;
  const parts: Array<{ s: string; hit: boolean }> = [];
  let rest = text;
  while (rest) {
    let best: { at: number; p: string } | null = null;
    for (const p of phrases) {
      const at = rest.indexOf(p);
      if (at >= 0 && (!best || at < best.at || (at === best.at && p.length > best.p.length))) best = { at, p };
    }
    if (!best) {
      parts.push({ s: rest, hit: false });
      break;
    }
    if (best.at) parts.push({ s: rest.slice(0, best.at), hit: false });
    parts.push({ s: best.p, hit: true });
    rest = rest.slice(best.at + best.p.length);
  }
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.s}</mark> : <span key={i}>{p.s}</span>))}</>;
}
