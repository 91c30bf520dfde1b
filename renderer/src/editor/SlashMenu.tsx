import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { TextSelection } from '@tiptap/pm/state';
import { blockAt, newHeadingNode, newTaskNode } from './structure';

interface Item {
  key: string;
  label: string;
  hint: string;
  make(editor: Editor): void;
}

function replaceCurrentBlock(editor: Editor, kind: 'heading' | 'task', level: number) {
  const { state } = editor;
  const at = blockAt(state);
  if (!at) return;
  const node = kind === 'heading' ? newHeadingNode(state.schema, level) : newTaskNode(state.schema, level);
  const tr = state.tr.replaceWith(at.pos, at.pos + at.node.nodeSize, node);
  tr.setSelection(TextSelection.near(tr.doc.resolve(at.pos + (kind === 'task' ? 2 : 1))));
  editor.view.dispatch(tr.scrollIntoView());
  editor.view.focus();
}

const ITEMS: Item[] = [
  { key: 'h1', label: '一级标题　一、', hint: 'Ctrl+Alt+1', make: (e) => replaceCurrentBlock(e, 'heading', 1) },
  { key: 'h2', label: '二级标题　（一）', hint: 'Ctrl+Alt+2', make: (e) => replaceCurrentBlock(e, 'heading', 2) },
  { key: 't2', label: '任务（二级）　（一）', hint: '', make: (e) => replaceCurrentBlock(e, 'task', 2) },
  { key: 't3', label: '任务　1.', hint: 'Ctrl+Alt+3', make: (e) => replaceCurrentBlock(e, 'task', 3) },
  { key: 't4', label: '子任务　（1）', hint: 'Ctrl+Alt+4', make: (e) => replaceCurrentBlock(e, 'task', 4) },
  {
    key: 'p',
    label: '段落',
    hint: '',
    make: (e) => {
      const at = blockAt(e.state);
      if (at) e.view.dispatch(e.state.tr.delete(at.pos + 1, at.pos + at.node.nodeSize - 1));
      e.view.focus();
    },
  },
];

/** The "/" menu: typing / at the start of an empty paragraph offers the block kinds. */
export function SlashMenu({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState<{ top: number; left: number } | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const check = () => {
      const { $head } = editor.state.selection;
      const isSlash = $head.parent.type.name === 'paragraph' && $head.parent.textContent === '/' && !editor.view.composing;
      if (isSlash) {
        const c = editor.view.coordsAtPos($head.pos);
        setOpen({ top: c.bottom + 4, left: c.left });
        setActive(0);
      } else setOpen(null);
    };
    editor.on('transaction', check);
    return () => {
      editor.off('transaction', check);
    };
  }, [editor]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        e.stopPropagation();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : ITEMS.length - 1)) % ITEMS.length);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        setActive((a) => {
          ITEMS[a]!.make(editor);
          return a;
        });
        setOpen(null);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setOpen(null);
      }
    };
    const dom = editor.view.dom;
    dom.addEventListener('keydown', onKey, true);
    return () => dom.removeEventListener('keydown', onKey, true);
  }, [open, editor]);

  if (!open) return null;
  return (
    <ul className="slash-menu" role="listbox" aria-label="插入" style={{ top: open.top, left: open.left }}>
      {ITEMS.map((item, i) => (
        <li
          key={item.key}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : ''}
          onMouseDown={(e) => {
            e.preventDefault();
            item.make(editor);
            setOpen(null);
          }}
        >
          <span>{item.label}</span>
          <span className="muted">{item.hint}</span>
        </li>
      ))}
    </ul>
  );
}
