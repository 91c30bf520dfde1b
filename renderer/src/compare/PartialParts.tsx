// 部分落实: the upper task's parts, those the draft took up and those left out (marked).
import type { TaskPart } from '../../../shared/compare/parts';

export function PartialParts({ parts }: { parts: TaskPart[] }) {
  const taken = parts.filter((p) => p.covered);
  const left = parts.filter((p) => !p.covered);
  return (
    <div className="partial-parts" role="group" aria-label="部分落实的内容">
      <p className="partial-head">
        <strong>部分落实：</strong>本级落实了 {taken.length} 处，未见落实 {left.length} 处。
      </p>
      <dl>
        {taken.length > 0 && (
          <>
            <dt>本级落实了</dt>
            <dd>
              <ul>
                {taken.map((p, i) => (
                  <li key={i} className="part part-taken">
                    {p.text}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {left.length > 0 && (
          <>
            <dt className="part-left-label">未见落实</dt>
            <dd>
              <ul aria-label="未见落实">
                {left.map((p, i) => (
                  <li key={i} className="part part-left">
                    {p.text}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
