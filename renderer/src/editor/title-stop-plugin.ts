// The 。 that ends a task's title sentence is shown, not stored (the model keeps the title
// without it). It is a non-editable widget at the start of the body rather than CSS content:
// that also gives the caret two distinct places, the end of the title and the start of the
// body, which the browser would otherwise merge (typing after Enter would land in the title).
import { Decoration } from '@tiptap/pm/view';
import { blockDecorationExtension } from './block-decorations';
import { titleStop } from '../../../shared/plan/running-text';

/**
 * The widget's DOM, made when first drawn and then the same node for as long as the decoration
 * lives: typing right after a widget makes ProseMirror draw it again, and handing it the node
 * already in place leaves the DOM (and the browser's layout) untouched.
 */
function stopWidget(): () => HTMLElement {
  let span: HTMLElement | undefined;
  return () => {
    if (span) return span;
    span = document.createElement('span');
    span.className = 'title-stop';
    span.contentEditable = 'false';
    span.textContent = '。';
    return span;
  };
}

export const TitleStop = blockDecorationExtension('titleStop', (block, pos, out) => {
  if (block.type.name !== 'planTask') return;
  const title = block.child(0).textContent;
  if (!titleStop(title)) return;
  const bodyStart = pos + 1 + block.child(0).nodeSize + 1;
  out.push(Decoration.widget(bodyStart, stopWidget(), { side: -1, key: 'stop', ignoreSelection: true }));
});
