// The task block's DOM (plain, not React: there are hundreds of them). The units
// parenthetical sits outside the editable content; clicking it asks the screen to open the
// units editor for this task.
import type { NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { unitsParenthetical } from '../../../shared/plan/running-text';
import { isLabelMutation, showBlockLabel } from './numbering-plugin';

export const EDIT_UNITS_EVENT = 'plandesk:edit-units';
export interface EditUnitsDetail {
  pos: number;
}

function unitsLabel(node: PMNode): { text: string; empty: boolean } {
  const inside = unitsParenthetical({
    lead: node.attrs.lead as string[],
    support: node.attrs.support as string[],
    unitsText: (node.attrs.unitsText as string | null) ?? undefined,
  });
  return inside ? { text: `（${inside}）`, empty: false } : { text: '（设置责任单位）', empty: true };
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
  units.tabIndex = -1;
  units.setAttribute('aria-label', '编辑责任单位');
  units.title = '点击编辑牵头单位和责任单位';
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
    units.classList.toggle('is-empty', label.empty);
  };
  render();
  showBlockLabel(dom, props.view.state, typeof props.getPos === 'function' ? props.getPos() : undefined);

  units.addEventListener('mousedown', (e) => e.preventDefault());
  units.addEventListener('click', (e) => {
    e.preventDefault();
    const pos = typeof props.getPos === 'function' ? props.getPos() : undefined;
    if (typeof pos === 'number') {
      dom.dispatchEvent(new CustomEvent<EditUnitsDetail>(EDIT_UNITS_EVENT, { bubbles: true, detail: { pos } }));
    }
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
