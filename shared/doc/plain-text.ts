/**
 * Writing into a plain Y.Text (titles, readiness evidence) the way an editor does: only the span
 * that changed, so a concurrent edit elsewhere in the text and the others' carets survive.
 */
import type * as Y from 'yjs';

/** Turns `text` into `value` by replacing only the span between their common prefix and suffix. */
export function replaceText(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  const max = Math.min(current.length, value.length);
  while (start < max && current.charCodeAt(start) === value.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    current.charCodeAt(current.length - 1 - end) === value.charCodeAt(value.length - 1 - end)
  )
    end++;
  // never split a surrogate pair
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = value.slice(start, value.length - end);
  if (inserted) text.insert(start, inserted);
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
