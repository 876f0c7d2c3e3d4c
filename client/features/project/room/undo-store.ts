/**
 * Undo and redo of one's own changes to a project document: a Yjs UndoManager that tracks only
 * the origins given (this tab's writes, and the description editor's), so a collaborator's
 * change is never undone. Changes made within `captureTimeout` of each other undo together
 * (typing a word, a drop that changes status and order).
 */
import { createStore } from 'solid-js/store';
import * as Y from 'yjs';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/** The shared types whose changes are undoable (the project document's three roots). */
export type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0];

export function createUndoStore(
  scope: UndoScope,
  origins: unknown[],
  options: { captureTimeout?: number } = {},
) {
  const manager = new Y.UndoManager(scope, {
    trackedOrigins: new Set(origins),
    captureTimeout: options.captureTimeout ?? 500,
  });
  const [state, setState] = createStore<UndoState>({ canUndo: false, canRedo: false });
  const refresh = () => setState({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
  manager.on('stack-item-added', refresh);
  manager.on('stack-item-popped', refresh);
  manager.on('stack-cleared', refresh);

  const actions = {
    /** true when something was undone */
    undo: (): boolean => manager.undo() !== null,
    redo: (): boolean => manager.redo() !== null,
    /** the next change starts a new undo step (after a discrete action such as a drop) */
    stopCapturing: () => manager.stopCapturing(),
    /** also track writes made with `origin` (the rich-text editor's, once it has loaded) */
    track: (origin: unknown) => manager.addTrackedOrigin(origin),
    destroy: () => manager.destroy(),
  };
  return [state, actions] as const;
}

export type UndoStore = ReturnType<typeof createUndoStore>;
