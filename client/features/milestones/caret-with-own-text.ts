/**
 * Keeps a person's caret with the text they just typed when someone else types at the same spot.
 *
 * y-prosemirror restores the local selection after a remote change from Yjs relative positions
 * tied to the character on the caret's right (1.3.7). When two people type at the same spot,
 * each one's next character then lands after the other's last one, and their words interleave
 * ("abrlvaoh"). Editors that keep each person's typing together tie a collapsed caret to the
 * character on its left: the one its owner just typed. This plugin does that: after each local
 * change it notes the caret as a relative position with left association (assoc -1), and after
 * each remote change it puts the caret back there. Selections (a range) are left to y-prosemirror.
 * It uses y-prosemirror's exported position conversions and its plugin state's binding.
 */
import { Plugin, PluginKey, TextSelection, type Transaction } from 'prosemirror-state';
import {
  absolutePositionToRelativePosition,
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from 'y-prosemirror';
import * as Y from 'yjs';

interface SyncState {
  binding?: ProsemirrorBinding | null;
}

const key = new PluginKey('caret-with-own-text');
const isRemoteChange = (tr: Transaction) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

export function caretWithOwnText(fragment: Y.XmlFragment): Plugin {
  const doc = fragment.doc;
  /** the caret, tied to the character on its left; null: nothing to do (a range, no text left of it) */
  let caret: Y.RelativePosition | null = null;
  return new Plugin({
    key,
    appendTransaction(transactions, _old, state) {
      if (!doc || !caret || !state.selection.empty || !transactions.some(isRemoteChange)) return null;
      const mapping = (ySyncPluginKey.getState(state) as SyncState | undefined)?.binding?.mapping;
      if (!mapping) return null;
      const pos = relativePositionToAbsolutePosition(doc, fragment, caret, mapping);
      if (pos === null || pos === state.selection.head || pos < 0 || pos > state.doc.content.size)
        return null;
      return state.tr.setSelection(TextSelection.create(state.doc, pos)).setMeta('addToHistory', false);
    },
    view: () => ({
      // After y-prosemirror's own view update (it comes first): Yjs holds what the view shows.
      update(view) {
        caret = null;
        const { selection } = view.state;
        const mapping = (ySyncPluginKey.getState(view.state) as SyncState | undefined)?.binding?.mapping;
        if (!doc || !selection.empty || !mapping) return;
        const right = absolutePositionToRelativePosition(selection.head, fragment, mapping);
        const at = Y.createAbsolutePositionFromRelativePosition(right, doc);
        if (at && at.type instanceof Y.XmlText && at.index > 0)
          caret = Y.createRelativePositionFromTypeIndex(at.type, at.index, -1);
      },
    }),
  });
}
