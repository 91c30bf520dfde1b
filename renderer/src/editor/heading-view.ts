// The heading block's DOM: what its schema renders, plus the numbering label (numbering-plugin.ts).
import type { NodeViewRendererProps } from '@tiptap/core';
import { DOMSerializer } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { isLabelMutation, showBlockLabel } from './numbering-plugin';

export function createHeadingView(props: NodeViewRendererProps): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, props.node.type.spec.toDOM!(props.node));
  const el = dom as HTMLElement;
  showBlockLabel(el, props.view.state, typeof props.getPos === 'function' ? props.getPos() : undefined);
  // No update(): a heading whose attributes change is drawn again, as without a node view.
  return { dom, contentDOM: contentDOM ?? null, ignoreMutation: (m) => isLabelMutation(m, el) };
}
