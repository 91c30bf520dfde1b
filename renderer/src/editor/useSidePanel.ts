// Which panels are shown: the outline (left, its width remembered in the library's settings),
// the side panel (right) and its tab.
import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../api/client';

export type SideTab = 'checks' | 'comments' | 'suggestions' | 'units' | 'targets' | 'info' | 'history';
export const SIDE_TABS: Array<[SideTab, string]> = [
  ['checks', '校对'],
  ['comments', '批注'],
  ['suggestions', '修订'],
  ['units', '分工'],
  ['targets', '目标'],
  ['info', '文档信息'],
  ['history', '历史'],
];

/** The outline's width in CSS pixels: its bounds, the default, and one arrow key's step. */
export const OUTLINE_WIDTH = { min: 180, max: 480, initial: 240, step: 16 } as const;
const OUTLINE_WIDTH_KEY = 'editor.outlineWidth';

export function clampOutlineWidth(width: number): number {
  return Math.round(Math.min(OUTLINE_WIDTH.max, Math.max(OUTLINE_WIDTH.min, width)));
}

export function useSidePanel() {
  const [tab, setTab] = useState<SideTab>('checks');
  const [outlineOpen, setOutlineOpen] = useState(true);
  const [sideOpen, setSideOpen] = useState(true);
  const [outlineWidth, setWidth] = useState<number>(OUTLINE_WIDTH.initial);
  /** Resized in this window already: the stored width, arriving later, does not override it. */
  const resized = useRef(false);
  useEffect(() => {
    let live = true;
    invoke('settings.get', { key: OUTLINE_WIDTH_KEY })
      .then(({ value }) => {
        if (live && !resized.current && typeof value === 'number' && Number.isFinite(value)) setWidth(clampOutlineWidth(value));
      })
      .catch(() => undefined); // the default width then
    return () => {
      live = false;
    };
  }, []);
  /** A new outline width (kept within bounds); `remember` stores it for the next time. */
  const resizeOutline = useCallback((width: number, remember: boolean) => {
    resized.current = true;
    const w = clampOutlineWidth(width);
    setWidth(w);
    if (remember) invoke('settings.set', { key: OUTLINE_WIDTH_KEY, value: w }).catch(() => undefined);
  }, []);
  /** Open the side panel on a tab. */
  const showTab = useCallback((t: SideTab) => {
    setSideOpen(true);
    setTab(t);
  }, []);
  const toggleOutline = useCallback(() => setOutlineOpen((o) => !o), []);
  const toggleSide = useCallback(() => setSideOpen((o) => !o), []);
  return { tab, setTab, showTab, outlineOpen, toggleOutline, outlineWidth, resizeOutline, sideOpen, toggleSide };
}
