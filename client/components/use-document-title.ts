import { createEffect } from 'solid-js';

/** Names the browser tab after the page, in the current language: "Portfolio · Jalon". */
export function useDocumentTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} · Jalon`;
  });
}
