// Which panels are shown: the outline (left), the side panel (right) and its tab.
import { useCallback, useState } from 'react';

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

export function useSidePanel() {
  const [tab, setTab] = useState<SideTab>('checks');
  const [outlineOpen, setOutlineOpen] = useState(true);
  const [sideOpen, setSideOpen] = useState(true);
  /** Open the side panel on a tab. */
  const showTab = useCallback((t: SideTab) => {
    setSideOpen(true);
    setTab(t);
  }, []);
  const toggleOutline = useCallback(() => setOutlineOpen((o) => !o), []);
  const toggleSide = useCallback(() => setSideOpen((o) => !o), []);
  return { tab, setTab, showTab, outlineOpen, toggleOutline, sideOpen, toggleSide };
}
