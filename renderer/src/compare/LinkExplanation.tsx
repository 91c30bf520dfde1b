// Why a link was proposed (linkReasonPieces): shared phrases (marked as in the texts), the units
// both tasks name, the targets answering each other; and the other upper tasks of a merge.
import { linkReasonPieces } from '../../../shared/compare/coverage-table';
import type { Link } from '../../../shared/compare/compare';

/** A phrase as the text writes it: marked, it needs no quotes, so inner quotes are double again. */
const asWritten = (phrase: string) => phrase.replace(/‘/gu, '“').replace(/’/gu, '”');

export function LinkExplanation({ link }: { link: Link }) {
  const pieces = linkReasonPieces(link);
  const also = link.alsoAnswers ?? [];
  if (!pieces.length && !also.length) return null;
  return (
    <div className="link-explain" aria-label="关联依据">
      {pieces.length > 0 && (
        <p>
          <span className="explain-label">依据</span>
          {pieces.map((p) => (
            <span key={p.kind} className={`explain-piece explain-${p.kind}`}>
              {p.label}
              {p.items.length > 0 && '：'}
              {p.kind === 'phrases' ? p.items.map((x, i) => <mark key={i}>{asWritten(x)}</mark>) : p.text}
            </span>
          ))}
        </p>
      )}
      {also.length > 0 && <p className="also-answers">同时落实上级任务：{also.join('；')}</p>}
    </div>
  );
}
