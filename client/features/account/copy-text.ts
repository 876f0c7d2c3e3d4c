/** Copying to the clipboard and saving as a file, for secrets shown once. */
import { createSignal } from 'solid-js';

/** A copy button's outcome, for its status line. */
export function createCopy() {
  const [state, setState] = createSignal<'idle' | 'copied' | 'failed'>('idle');
  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return { state, copy };
}

/** Offers `text` as a download named `filename`, made in the browser (nothing is sent). */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
