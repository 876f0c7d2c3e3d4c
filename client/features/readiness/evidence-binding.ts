/**
 * A plain <textarea> bound to a Y.Text: what the user types is written through `write` (a
 * shared/doc writer, which replaces only the span that changed), and what others type appears
 * at once, with the user's caret and selection moved along with the text around them.
 */
import type * as Y from 'yjs';

type Delta = { insert?: unknown; delete?: number; retain?: number }[];

/** Where a caret at `position` goes after `delta`: after text inserted before it, back for text deleted before it. */
export function transformPosition(position: number, delta: Delta): number {
  let index = 0;
  let p = position;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index < p) p += op.insert.length;
      index += op.insert.length;
    } else if (op.delete !== undefined) {
      if (index < p) p = Math.max(index, p - op.delete);
    }
    if (index > p) break;
  }
  return p;
}

export function bindTextarea(
  textarea: HTMLTextAreaElement,
  text: Y.Text,
  write: (value: string) => void,
): () => void {
  textarea.value = text.toString();
  const onRemote = (event: Y.YTextEvent) => {
    const value = text.toString();
    if (textarea.value === value) return; // our own write, already on screen
    const focused = document.activeElement === textarea;
    const start = transformPosition(textarea.selectionStart, event.delta as Delta);
    const end = transformPosition(textarea.selectionEnd, event.delta as Delta);
    textarea.value = value;
    if (focused) textarea.setSelectionRange(start, end);
  };
  const onInput = () => write(textarea.value);
  text.observe(onRemote);
  textarea.addEventListener('input', onInput);
  return () => {
    text.unobserve(onRemote);
    textarea.removeEventListener('input', onInput);
  };
}
