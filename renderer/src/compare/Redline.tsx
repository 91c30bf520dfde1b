import type { RedlinePart } from '../../../shared/compare/diff';

/** Inline redline: insertions underlined, deletions struck through. */
export function Redline({ parts, show = 'both' }: { parts: RedlinePart[]; show?: 'both' | 'old' | 'new' }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'insert' ? (
          show !== 'old' && <ins key={i}>{p.text}</ins>
        ) : (
          show !== 'new' && <del key={i}>{p.text}</del>
        ),
      )}
    </>
  );
}
