import { useMemo } from 'react';
import { redline } from '../../../shared/compare/diff';
import { Redline } from './Redline';

/** An upper task and a draft task side by side, differences marked word by word. */
export function SideBySide({ upper, draft }: { upper: string; draft: string }) {
  const parts = useMemo(() => redline(upper, draft), [upper, draft]);
  return (
    <div className="side-by-side" aria-label="逐字对比">
      <div>
        <h4>上级文件</h4>
        <p>
          <Redline parts={parts} show="old" />
        </p>
      </div>
      <div>
        <h4>本计划</h4>
        <p>
          <Redline parts={parts} show="new" />
        </p>
      </div>
    </div>
  );
}
