/**
 * User Timing marks of a document's first join and first sync in this page: devtools show them,
 * and the benchmark (tests/bench/browser.ts) reads them to split the room's first render.
 */
export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length) return;
  performance.mark(name);
}
