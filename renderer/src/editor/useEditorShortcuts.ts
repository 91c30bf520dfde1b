// Keyboard: Ctrl+S save point, Ctrl+F find, Ctrl+H replace, Ctrl+E export, Ctrl+Alt+M comment;
// menu commands from Electron arrive as `plandesk:menu` DOM events. Registered once; the
// handlers are read through a ref so they may change between renders.
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  savePoint(): void;
  find(replace: boolean): void;
  exportPlan(): void;
  comment(): void;
}

export function useEditorShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.altKey && e.key.toLowerCase() === 'm') {
        e.preventDefault();
        window.dispatchEvent(new CustomEvent('plandesk:menu', { detail: 'comment' }));
        return;
      }
      if (!mod || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        ref.current.savePoint();
      } else if (k === 'f') {
        e.preventDefault();
        ref.current.find(false);
      } else if (k === 'h') {
        e.preventDefault();
        ref.current.find(true);
      } else if (k === 'e') {
        e.preventDefault();
        ref.current.exportPlan();
      }
    };
    const onMenu = (e: Event) => {
      const cmd = (e as CustomEvent<string>).detail;
      if (cmd === 'save-point') ref.current.savePoint();
      if (cmd === 'find') ref.current.find(false);
      if (cmd === 'replace') ref.current.find(true);
      if (cmd === 'export') ref.current.exportPlan();
      if (cmd === 'comment') ref.current.comment();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('plandesk:menu', onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('plandesk:menu', onMenu);
    };
  }, []);
}
