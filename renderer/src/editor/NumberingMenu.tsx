// 编号方式 (issue 18): whether （一） and 1. restart in every section or run on through the
// plan, in a small menu of the toolbar with words for each choice (it was two bare selects
// behind the glyphs “（一）” and “1.”). Keyboard: the button opens it with the focus on the
// first choice; arrows move between a level's choices; Escape closes it and returns to the button.
import { useEffect, useId, useRef, useState } from 'react';
import type { NumberingMode as Mode, NumberingSettings } from '../../../shared/plan/schema';

const MODES: Array<[Mode, string]> = [
  ['restart', '各节重新编号'],
  ['continuous', '全文连续编号'],
];
const LEVELS: Array<[2 | 3, string]> = [
  [2, '二级标题（一）'],
  [3, '任务 1.'],
];

interface Props {
  numbering: NumberingSettings;
  onNumbering(level: 2 | 3, mode: Mode): void;
}

const modeLabel = (mode: Mode) => MODES.find(([m]) => m === mode)![1];

export function NumberingMenu({ numbering, onNumbering }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // A press outside closes it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const current = LEVELS.map(([level, name]) => `${name}：${modeLabel(numbering.perLevel[level - 1]!)}`).join('；');
  return (
    <div className="numbering-menu" ref={box}>
      <button
        ref={button}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={`编号方式（${current}）`}
        onClick={() => setOpen((o) => !o)}
      >
        编号方式 ▾
      </button>
      {open && (
        <div
          id={id}
          className="numbering-popover"
          role="group"
          aria-label="编号方式"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          {LEVELS.map(([level, name], i) => (
            <fieldset key={level}>
              <legend>{name}</legend>
              {MODES.map(([mode, label]) => {
                const checked = numbering.perLevel[level - 1] === mode;
                return (
                  <label key={mode}>
                    <input type="radio" name={`${id}-${level}`} checked={checked} autoFocus={i === 0 && checked} onChange={() => onNumbering(level, mode)} />
                    {label}
                  </label>
                );
              })}
            </fieldset>
          ))}
        </div>
      )}
    </div>
  );
}
