/**
 * Fractional indexing: order keys are strings that sort by plain code-unit comparison (`<`,
 * never `localeCompare`), so a milestone moves by rewriting its own key only and concurrent
 * moves never conflict on a shared array. This is the base-62 scheme of "Implementing
 * Fractional Indexing" (D. Greenspan), as in rocicorp/fractional-indexing:
 *
 *   key     = integer part + fraction part
 *   integer = a head letter giving its length ('a'..'z' → 2..27 chars, 'A'..'Z' → 27..2 chars
 *             for negative integers) followed by base-62 digits
 *   fraction= base-62 digits, never ending in '0' (so there is always room before a key)
 *
 * Appending at the end increments the integer part, so n appends cost O(log n) characters;
 * only repeated inserts into one gap grow the fraction (about one character per 6 inserts).
 * Two clients may still pick the same key concurrently: readers break ties by milestone id.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = '0';
const SMALLEST_INTEGER = `A${ZERO.repeat(26)}`;
/** Longest key accepted in a document: thousands of inserts into one gap, never reached by use. */
export const MAX_ORDER_KEY_LENGTH = 512;

const digit = (c: string | undefined): number => (c === undefined ? -1 : DIGITS.indexOf(c));

function integerLength(head: string | undefined): number | null {
  if (head === undefined) return null;
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  return null;
}

/** True when `key` is a well-formed order key. */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_ORDER_KEY_LENGTH) return false;
  const n = integerLength(key[0]);
  if (n === null || n > key.length || key === SMALLEST_INTEGER) return false;
  for (let i = 1; i < key.length; i++) if (digit(key[i]) < 0) return false;
  return !(key.length > n && key.endsWith(ZERO));
}

function split(key: string): [integer: string, fraction: string] {
  const n = integerLength(key[0]) ?? key.length;
  return [key.slice(0, n), key.slice(n)];
}

/** A fraction strictly between fractions `a` and `b` (`b === null`: no upper bound). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? digit(a[0]) : 0;
  const db = b !== null ? digit(b[0]) : DIGITS.length;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

function increment(integer: string): string | null {
  const head = integer[0]!;
  const digits = integer.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digit(digits[i]) + 1;
    if (d < DIGITS.length) {
      digits[i] = DIGITS[d]!;
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  if (head === 'Z') return `a${ZERO}`;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

function decrement(integer: string): string | null {
  const head = integer[0]!;
  const digits = integer.slice(1).split('');
  const top = DIGITS[DIGITS.length - 1]!;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digit(digits[i]) - 1;
    if (d >= 0) {
      digits[i] = DIGITS[d]!;
      return head + digits.join('');
    }
    digits[i] = top;
  }
  if (head === 'a') return `Z${top}`;
  if (head === 'A') return null;
  const prev = String.fromCharCode(head.charCodeAt(0) - 1);
  if (prev < 'Z') digits.push(top);
  else digits.pop();
  return prev + digits.join('');
}

/**
 * A key strictly between `a` and `b`; `null` means unbounded on that side.
 * Throws when a bound is not an order key or when `a >= b`.
 */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && !isOrderKey(a)) throw new Error(`"${a}" is not an order key`);
  if (b !== null && !isOrderKey(b)) throw new Error(`"${b}" is not an order key`);
  if (a !== null && b !== null && a >= b) throw new Error(`Order keys out of order: "${a}" >= "${b}"`);
  if (a === null) {
    if (b === null) return `a${ZERO}`;
    const [ib, fb] = split(b);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (ib < b) return ib;
    const lower = decrement(ib);
    if (lower === null) throw new Error('No order key left before the first one');
    return lower;
  }
  const [ia, fa] = split(a);
  if (b === null) return increment(ia) ?? ia + midpoint(fa, null);
  const [ib, fb] = split(b);
  if (ia === ib) return ia + midpoint(fa, fb);
  const next = increment(ia);
  if (next === null) throw new Error('No order key left after the last one');
  return next < b ? next : ia + midpoint(fa, null);
}

/** `n` increasing keys strictly between `a` and `b`, spread evenly (used to seed and re-key lists). */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [keyBetween(a, b)];
  if (b === null) {
    const keys: string[] = [];
    let last = a;
    for (let i = 0; i < n; i++) {
      last = keyBetween(last, null);
      keys.push(last);
    }
    return keys;
  }
  if (a === null) {
    const keys: string[] = [];
    let first = b;
    for (let i = 0; i < n; i++) {
      first = keyBetween(null, first);
      keys.push(first);
    }
    return keys.reverse();
  }
  const mid = Math.floor(n / 2);
  const c = keyBetween(a, b);
  return [...keysBetween(a, c, mid), c, ...keysBetween(c, b, n - mid - 1)];
}
