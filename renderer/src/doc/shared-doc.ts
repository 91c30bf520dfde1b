// Team mode: a transaction that brings the shared Y.Doc's changes into the editor (another
// person's edit, or an undo through y-prosemirror) carries y-prosemirror's sync meta with
// isChangeOrigin. Plugins that react to *this user's* edits (node ids, 修订 marks) leave such
// transactions alone: the person who made the change has done that work on their own client.
// Never set outside team mode.
import type { Transaction } from '@tiptap/pm/state';

/** y-prosemirror's ySyncPluginKey (new PluginKey('y-sync')), by its key string. */
const Y_SYNC_META = 'y-sync$';

export function fromSharedDoc(tr: Transaction): boolean {
  return !!(tr.getMeta(Y_SYNC_META) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
}
