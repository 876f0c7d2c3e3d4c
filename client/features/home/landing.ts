/**
 * Whether `/` may still send the person on to their work. Only as they arrive, once per visit:
 * the first page of the visit was `/` or sign-in (which leads to `/`). A person who later picks
 * "Portfolio" in the header means the portfolio, and stays on it.
 */
const ARRIVALS = new Set(['/', '/sign-in', '/sign-up']);
const arrivedAt = typeof window === 'undefined' ? '' : window.location.pathname;
let taken = false;

export function takeArrival(): boolean {
  if (taken || !ARRIVALS.has(arrivedAt)) return false;
  taken = true;
  return true;
}
