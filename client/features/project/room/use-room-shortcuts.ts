import { onCleanup, onMount } from 'solid-js';
import type { Room } from './room-context.tsx';

/** Native text fields keep their own undo; the document's fields (data-yjs) use the room's. */
function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-yjs]')) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA';
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function useKeyDown(listener: (event: KeyboardEvent) => void): void {
  onMount(() => document.addEventListener('keydown', listener));
  onCleanup(() => document.removeEventListener('keydown', listener));
}

/** Ctrl/Cmd+Z undoes one's own last change; Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it. */
export function useRoomShortcuts(room: Room): void {
  useKeyDown((event) => {
    if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    if (ownsUndo(event.target) || !room.canEdit()) return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) room.actions.redo();
    else room.actions.undo();
  });
}

/** A single-letter shortcut (Linear's C for "create"), ignored while the user is typing. */
export function useLetterShortcut(letter: string, run: () => void): void {
  useKeyDown((event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key.toLowerCase() !== letter || isTyping(event.target)) return;
    event.preventDefault();
    run();
  });
}
