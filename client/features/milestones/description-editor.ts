/**
 * The rich-text description editor: ProseMirror bound to the milestone's Y.XmlFragment by
 * y-prosemirror, with the cursors and selections of everyone editing it (from awareness).
 * When two people type at the same spot, each one's caret stays with what they typed
 * (caret-with-own-text.ts), so their words do not interleave.
 * Loaded on demand, so that no route pays for ProseMirror until a milestone is opened.
 *
 * The schema is ProseMirror's basic one (paragraphs, headings, quotes, code, breaks; strong,
 * em, code, link marks), its links restricted to safe schemes (description-schema.ts): the
 * document's readers read its block elements as lines.
 * Read-only people get the same rendering without the binding, so that nothing they do can
 * write to the document (y-prosemirror normalises content on a user's first transaction).
 */
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { yCursorPlugin, ySyncPlugin, ySyncPluginKey, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { colorFor, isPresenceColor, MAX_PRESENCE_NAME } from '../../../shared/presence.ts';
import { caretWithOwnText } from './caret-with-own-text.ts';
import { descriptionSchema as schema } from './description-schema.ts';

/** Writes made by the editor carry this origin: the room's undo manager must track it. */
export const editorOrigin: unknown = ySyncPluginKey;

export interface DescriptionEditorOptions {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  editable: boolean;
  labelledBy: string;
  placeholder: string;
  onUndo: () => void;
  onRedo: () => void;
}

export interface DescriptionEditor {
  view: EditorView;
  toggle(mark: 'strong' | 'em'): void;
  isActive(mark: 'strong' | 'em'): boolean;
  destroy(): void;
}

const isEmpty = (state: EditorState) =>
  state.doc.childCount === 0 || (state.doc.childCount === 1 && state.doc.firstChild!.content.size === 0);

function attributes(options: DescriptionEditorOptions) {
  return (state: EditorState): Record<string, string> => ({
    class: `ms-editor${isEmpty(state) ? ' is-empty' : ''}`,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': options.labelledBy,
    'aria-readonly': options.editable ? 'false' : 'true',
    'data-placeholder': options.editable ? options.placeholder : '',
    'data-yjs': '',
    spellcheck: 'true',
  });
}

/** Someone's presence as y-prosemirror hands it over: remote input, whatever the server checked. */
type PresenceUser = { id?: unknown; name?: unknown; color?: unknown };

/** Only a palette colour is ever written into a style (y-prosemirror's own builders write any value). */
const colourOf = (user: PresenceUser) =>
  isPresenceColor(user.color) ? user.color : colorFor(typeof user.id === 'string' ? user.id : '');

/** Another person's caret with their name, as y-prosemirror's default draws it, from checked values. */
function cursorOf(user: PresenceUser): HTMLElement {
  const colour = colourOf(user);
  const cursor = document.createElement('span');
  cursor.classList.add('ProseMirror-yjs-cursor');
  cursor.style.borderColor = colour;
  const label = document.createElement('div');
  label.style.backgroundColor = colour;
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, MAX_PRESENCE_NAME) : '?';
  cursor.append('\u2060', label, '\u2060');
  return cursor;
}

function selectionOf(user: PresenceUser) {
  return { style: `background-color: ${colourOf(user)}70`, class: 'ProseMirror-yjs-selection' };
}

export function mountDescriptionEditor(
  host: HTMLElement,
  options: DescriptionEditorOptions,
): DescriptionEditor {
  return options.editable ? mountEditable(host, options) : mountReadOnly(host, options);
}

function mountEditable(host: HTMLElement, options: DescriptionEditorOptions): DescriptionEditor {
  const undo = () => {
    options.onUndo();
    return true;
  };
  const redo = () => {
    options.onRedo();
    return true;
  };
  const plugins: Plugin[] = [
    ySyncPlugin(options.fragment),
    caretWithOwnText(options.fragment),
    yCursorPlugin(options.awareness, { cursorBuilder: cursorOf, selectionBuilder: selectionOf }),
    keymap({
      'Mod-z': undo,
      'Mod-Shift-z': redo,
      'Mod-y': redo,
      'Mod-b': toggleMark(schema.marks.strong),
      'Mod-i': toggleMark(schema.marks.em),
      'Mod-`': toggleMark(schema.marks.code),
    }),
    keymap(baseKeymap),
  ];
  let destroyed = false;
  const view = new EditorView(host, {
    state: EditorState.create({ schema, plugins }),
    attributes: attributes(options),
    // y-prosemirror defers awareness redraws by a tick and checks a `binding.isDestroyed` flag
    // that nothing sets (1.3.7): a redraw landing after destroy must not reach the dead view.
    // (called with the view as `this`, also while the view is being built)
    dispatchTransaction(this: EditorView, tr) {
      if (!destroyed) this.updateState(this.state.apply(tr));
    },
  });
  return {
    view,
    toggle(mark) {
      toggleMark(schema.marks[mark])(view.state, view.dispatch);
      view.focus();
    },
    isActive(mark) {
      const { from, $from, to, empty } = view.state.selection;
      const type = schema.marks[mark];
      return empty
        ? !!type.isInSet(view.state.storedMarks ?? $from.marks())
        : view.state.doc.rangeHasMark(from, to, type);
    },
    destroy() {
      destroyed = true;
      view.destroy();
    },
  };
}

function mountReadOnly(host: HTMLElement, options: DescriptionEditorOptions): DescriptionEditor {
  const render = () =>
    EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(options.fragment, schema) });
  const view = new EditorView(host, {
    state: render(),
    editable: () => false,
    attributes: attributes(options),
  });
  let frame = 0;
  const onChange = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      view.updateState(render());
    });
  };
  options.fragment.observeDeep(onChange);
  return {
    view,
    toggle: () => {},
    isActive: () => false,
    destroy() {
      cancelAnimationFrame(frame);
      options.fragment.unobserveDeep(onChange);
      view.destroy();
    },
  };
}
