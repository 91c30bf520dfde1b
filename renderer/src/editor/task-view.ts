// The task block's DOM (plain, not React: there are hundreds of them). The units
// parenthetical sits outside the editable content; clicking it asks the screen to open the
// units editor for this task. A task without units shows a control instead (issue 18): a chip
// whose words are drawn by CSS, so they are in no text — not the page's, not a copy's, not
// the running text a screen reader reads; Ctrl+Alt+U (keymap.ts), Enter or a click opens it.
import type { NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { unitsParenthetical } from '../../../shared/plan/running-text';
import { isLabelMutation, showBlockLabel } from './numbering-plugin';

export const EDIT_UNITS_EVENT = 'plandesk:edit-units';
export interface EditUnitsDetail {
  pos: number;
}

/** Asks the screen (useUnitsEditing) to open the units editor for the task at `pos`. */
export function requestUnitsEdit(from: Element, pos: number): void {
  from.dispatchEvent(new CustomEvent<EditUnitsDetail>(EDIT_UNITS_EVENT, { bubbles: true, detail: { pos } }));
}

function unitsLabel(node: PMNode): { text: string; empty: boolean } {
  const inside = unitsParenthetical({
    lead: node.attrs.lead as string[],
    support: node.attrs.support as string[],
    unitsText: (node.attrs.unitsText as string | null) ?? undefined,
  });
  return inside ? { text: `（${inside}）`, empty: false } : { text: '', empty: true };
}

export function createTaskView(props: NodeViewRendererProps): NodeView {
  let node = props.node;
  const dom = document.createElement('div');
  dom.className = 'plan-task';
  dom.setAttribute('data-plan-task', '');
  const contentDOM = document.createElement('span');
  contentDOM.className = 'task-content';
  // A span (not a <button>, which would break the running text into a box of its own).
  const units = document.createElement('span');
  units.setAttribute('role', 'button');
  units.contentEditable = 'false';
  units.className = 'task-units';
  // Not in the Tab order (Tab re-levels in the editor): Ctrl+Alt+U is the keyboard's way.
  units.tabIndex = -1;
  dom.append(contentDOM, units);

  // Only changed attributes are written: setting one, even to the same value, makes the browser
  // restyle the task on every keystroke.
  const attr = (name: string, value: string) => dom.getAttribute(name) !== value && dom.setAttribute(name, value);
  const render = () => {
    attr('data-level', String(node.attrs.level));
    // The node id (issue 14), as renderHTML writes it for the other blocks.
    if (node.attrs.id) attr('data-node-id', String(node.attrs.id));
    else dom.removeAttribute('data-node-id');
    const title = node.child(0).textContent;
    dom.classList.toggle('title-empty', title === '');
    dom.classList.toggle('body-empty', node.child(1).content.size === 0);
    const suggestion = node.attrs.suggestion as { type: string; author?: string } | null;
    for (const t of ['insert', 'delete', 'units']) dom.classList.toggle(`suggested-${t}`, suggestion?.type === t);
    if (suggestion)
      dom.title = `${suggestion.author ?? ''} 建议${suggestion.type === 'insert' ? '增加此任务' : suggestion.type === 'delete' ? '删除此任务' : '修改责任单位'}`;
    else dom.removeAttribute('title');
    const label = unitsLabel(node);
    if (units.textContent !== label.text) units.textContent = label.text;
    if (units.classList.contains('is-empty') !== label.empty || !units.title) {
      units.classList.toggle('is-empty', label.empty);
      units.setAttribute('aria-label', label.empty ? '设置责任单位' : '编辑责任单位');
      units.title = label.empty ? '这项任务还没有责任单位：点击设置牵头单位和责任单位（Ctrl+Alt+U）' : '点击编辑牵头单位和责任单位（Ctrl+Alt+U）';
    }
  };
  render();
  showBlockLabel(dom, props.view.state, typeof props.getPos === 'function' ? props.getPos() : undefined);

  const open = (e: Event) => {
    e.preventDefault();
    const pos = typeof props.getPos === 'function' ? props.getPos() : undefined;
    if (typeof pos === 'number') requestUnitsEdit(dom, pos);
  };
  units.addEventListener('mousedown', (e) => e.preventDefault());
  units.addEventListener('click', open);
  units.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') open(e);
  });

  return {
    dom,
    contentDOM,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      render();
      return true;
    },
    stopEvent(event) {
      return event.target instanceof globalThis.Node && units.contains(event.target);
    },
    ignoreMutation(mutation) {
      return (mutation.type !== 'selection' && units.contains(mutation.target)) || isLabelMutation(mutation, dom);
    },
  };
}
