/** Keyboard shortcuts as this platform writes them: ⌘ on Apple devices, Ctrl elsewhere. */

export function isApple(): boolean {
  if (typeof navigator === 'undefined') return false;
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}

/** "⌘K" or "Ctrl+K" */
export function shortcutLabel(key: string): string {
  return isApple() ? `⌘${key}` : `Ctrl+${key}`;
}

/** The platform's command modifier is held (⌘ on Apple devices, Ctrl elsewhere). */
export function hasCommandKey(event: KeyboardEvent): boolean {
  return isApple() ? event.metaKey : event.ctrlKey;
}
