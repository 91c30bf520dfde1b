// The outline's right edge: drag it, or focus it and use ← → (Home / End for the narrowest and
// widest), to make the outline narrower or wider. A window splitter (WAI-ARIA separator).
import { useRef } from 'react';
import { OUTLINE_WIDTH } from './useSidePanel';

interface Props {
  width: number;
  /** A new width; `remember` when the change is complete (not on every pointer move). */
  onResize(width: number, remember: boolean): void;
}

export function OutlineResizer({ width, onResize }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const end = (clientX: number) => {
    if (!drag.current) return;
    onResize(drag.current.width + clientX - drag.current.x, true);
    drag.current = null;
  };
  return (
    <div
      className="outline-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="调整提纲宽度"
      aria-valuemin={OUTLINE_WIDTH.min}
      aria-valuemax={OUTLINE_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      title="拖动（或用 ← → 键）调整提纲宽度"
      style={{ left: width }}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        if (drag.current) onResize(drag.current.width + e.clientX - drag.current.x, false);
      }}
      onPointerUp={(e) => end(e.clientX)}
      onPointerCancel={(e) => end(e.clientX)}
      onKeyDown={(e) => {
        const next =
          e.key === 'ArrowLeft'
            ? width - OUTLINE_WIDTH.step
            : e.key === 'ArrowRight'
              ? width + OUTLINE_WIDTH.step
              : e.key === 'Home'
                ? OUTLINE_WIDTH.min
                : e.key === 'End'
                  ? OUTLINE_WIDTH.max
                  : null;
        if (next === null) return;
        e.preventDefault();
        onResize(next, true);
      }}
    />
  );
}
