// Everything the plan editor is made of, in one list.
import type { Extensions } from '@tiptap/core';
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo } from '@tiptap/extensions';
import { planSchemaExtensions, PlanHeading, PlanTask } from './schema';
import { createHeadingView } from './heading-view';
import { Numbering } from './numbering-plugin';
import { TargetHighlight } from './targets-plugin';
import { TitleStop } from './title-stop-plugin';
import { PlanKeymap } from './keymap';
import { PlanClipboard } from './clipboard';
import { NodeIds } from './ids-plugin';
import { createTaskView } from './task-view';
import { SearchHighlight } from './search-plugin';
import { CursorBlock } from './cursor-block-plugin';
import { SuggestMode } from '../review/suggest-mode';
import type { NumberingSettings } from '../../../shared/plan/schema';

export interface PlanEditorOptions {
  editable?: boolean;
  /**
   * Team mode (renderer/src/team): the document is the shared Y.Doc's, so ProseMirror's history
   * (undo is y-prosemirror's there) and the trailing paragraph (every client would add its own
   * at once) are left out.
   */
  team?: boolean;
}

export function planEditorExtensions(numbering: NumberingSettings, opts: PlanEditorOptions = {}): Extensions {
  return [
    ...planSchemaExtensions.map((e) =>
      e === PlanTask
        ? PlanTask.extend({ addNodeView: () => createTaskView })
        : e === PlanHeading
          ? PlanHeading.extend({ addNodeView: () => createHeadingView })
          : e,
    ),
    // Typing within 600 ms is one undo step; each structural command is its own step.
    ...(opts.team ? [] : [UndoRedo.configure({ depth: 500, newGroupDelay: 600 })]),
    Dropcursor.configure({ color: '#9b1c1c', width: 2 }),
    Gapcursor,
    ...(opts.team ? [] : [TrailingNode.configure({ node: 'paragraph' })]),
    Numbering.configure({ settings: numbering }),
    TargetHighlight,
    TitleStop,
    SearchHighlight,
    CursorBlock,
    NodeIds,
    ...(opts.editable === false ? [] : [SuggestMode, PlanKeymap, PlanClipboard]),
  ];
}
