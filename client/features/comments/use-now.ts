import { createSignal, onCleanup } from 'solid-js';

/** The current time, ticking every `everyMs`, so that "2 minutes ago" stays true on screen. */
export function useNow(everyMs = 30_000): () => Date {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
