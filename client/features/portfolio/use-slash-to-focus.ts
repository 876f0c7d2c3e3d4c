import { onCleanup, onMount } from 'solid-js';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "/" focuses the search box, as in Linear and GitHub, unless the user is typing somewhere. */
export function useSlashToFocus(target: () => HTMLElement | undefined): void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isEditable(event.target)) return;
    const el = target();
    if (!el || (el as HTMLInputElement).disabled) return;
    event.preventDefault();
    el.focus();
  };
  onMount(() => document.addEventListener('keydown', onKeyDown));
  onCleanup(() => document.removeEventListener('keydown', onKeyDown));
}
