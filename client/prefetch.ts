/**
 * Requests started before the page that needs them exists (see features/project/preload.ts):
 * the page takes the answer once, if it comes for it soon enough; later reads go to the server.
 */
const KEEP_MS = 15_000;
const started = new Map<string, Promise<unknown>>();

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  if (started.has(key)) return;
  const promise = load();
  // A failure is the taker's to show; one that nobody takes is not an error of its own.
  promise.catch(() => undefined);
  started.set(key, promise);
  setTimeout(() => {
    if (started.get(key) === promise) started.delete(key);
  }, KEEP_MS);
}

/** The prefetched answer for `key`, taken (a second call gets null), or null if none. */
export function takePrefetched<T>(key: string): Promise<T> | null {
  const promise = started.get(key);
  started.delete(key);
  return (promise as Promise<T> | undefined) ?? null;
}
