/**
 * Text the server cannot keep exactly as sent is refused at the edge, before any route (and
 * better-auth) runs, with a 400 naming where it is: in a JSON body (a value or a key, named by
 * its path as validation errors name fields), half a UTF-16 surrogate pair or a NUL, or bytes
 * that are not UTF-8; in the address, a path or query parameter whose %-escapes are not UTF-8
 * or decode to NUL.
 *
 * Why: the database stores text as UTF-8, where half a surrogate pair has no form: accepted, it
 * would come back as U+FFFD, a different text from the one the user sent and the audit chain
 * hashed. libSQL reads a text column back only up to its first NUL. Invalid UTF-8 would become
 * U+FFFD silently. JSON escapes (`"\ud800"`, `"\u0000"`) are how such text arrives, so the
 * check reads the parsed body.
 *
 * Every other character is let through untouched: other control characters, bidirectional
 * marks, emoji, combining sequences, U+2028/U+2029, a BOM inside a string. The walk is
 * iterative, visits each value once (O(body size), the size being capped by `limitBodies`) and
 * refuses nesting deeper than any Jalon request has, rather than leave the deeper part unchecked.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './context.ts';

/** deeper than any request body Jalon reads (a service's form: four levels) */
export const MAX_BODY_DEPTH = 32;

/** what the database cannot keep: half a surrogate pair (UTF-8 has no form for it), NUL */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is looked for
const UNKEEPABLE = /[\p{Surrogate}\u0000]/u;
const UNKEEPABLE_ALL = new RegExp(UNKEEPABLE.source, 'gu');
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface TextProblem {
  /** where, as validation errors name fields: keys and indices joined with '.', or '(body)' */
  path: string;
  message: string;
}

const UNPAIRED =
  'holds an unpaired UTF-16 surrogate (half of a character), which cannot be stored as sent; send well-formed Unicode';
const NUL = 'holds a NUL character (U+0000), which cannot be stored as sent';

/** Why a text cannot be kept as sent, or null if it can. */
function unkeepable(text: string): string | null {
  const found = UNKEEPABLE.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? NUL : UNPAIRED;
}

/** A name fit for a reply: a lone surrogate in it is shown as U+FFFD. */
const printable = (s: string) => s.replace(UNKEEPABLE_ALL, (c) => (c === '\u0000' ? '\u2400' : '\ufffd'));

/** A value still to visit, with the way to it (kept as links: a path is built only when reported). */
interface Step {
  value: unknown;
  key: string;
  parent: Step | null;
  depth: number;
}

function pathOf(step: Step): string {
  const keys: string[] = [];
  for (let s: Step | null = step; s?.parent; s = s.parent) keys.push(printable(s.key));
  return keys.length ? keys.reverse().join('.') : '(body)';
}

/** The first string (or key) in a parsed JSON value that cannot be kept as sent, or too deep a nesting. */
export function findIllFormedText(value: unknown, maxDepth = MAX_BODY_DEPTH): TextProblem | null {
  const pending: Step[] = [{ value, key: '', parent: null, depth: 0 }];
  for (let step = pending.pop(); step; step = pending.pop()) {
    const inKey = unkeepable(step.key);
    if (inKey) return { path: pathOf(step), message: `its name ${inKey}` };
    const v = step.value;
    if (typeof v === 'string') {
      const problem = unkeepable(v);
      if (problem) return { path: pathOf(step), message: problem };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (step.depth >= maxDepth)
      return { path: pathOf(step), message: `nested deeper than ${maxDepth} levels` };
    const depth = step.depth + 1;
    // Pushed in reverse, so that the first problem in reading order is the one reported.
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        pending.push({ value: v[i], key: String(i), parent: step, depth });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      pending.push({ value: (v as Record<string, unknown>)[key], key, parent: step, depth });
    }
  }
  return null;
}

/** A URL component with its %-escapes decoded, or null if some run of them is not UTF-8. */
export function decodeComponent(component: string): string | null {
  let broken = false;
  const decoded = component.replace(ESCAPE_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      broken = true;
      return '\ufffd';
    }
  });
  return broken ? null : decoded;
}

const NOT_UTF8 = 'is not UTF-8 text (an unpaired surrogate, or broken bytes); send well-formed Unicode';

/** The first part of a URL (the path, a query parameter) that cannot be kept as sent. */
export function findIllFormedAddress(url: URL): TextProblem | null {
  const path = decodeComponent(url.pathname);
  if (path === null) return { path: '(path)', message: NOT_UTF8 };
  if (path.includes('\u0000')) return { path: '(path)', message: NUL };
  for (const pair of url.search.slice(1).split('&')) {
    const [rawName = '', rawValue = ''] = pair.split(/=(.*)/s);
    const name = decodeComponent(rawName);
    const value = decodeComponent(rawValue);
    const problem = name === null || value === null ? NOT_UTF8 : (unkeepable(name) ?? unkeepable(value));
    if (problem) {
      return { path: `query parameter ${printable(name ?? rawName)}`, message: problem };
    }
  }
  return null;
}

function refusal(problem: TextProblem): AppError {
  return new AppError('invalid_input', `Invalid input: ${problem.path}: ${problem.message}`, [problem]);
}

const isJson = (contentType: string | undefined) => /json/i.test(contentType ?? '');

export function refuseIllFormedText(): MiddlewareHandler<AppEnv> {
  return async function requireWellFormedText(c, next) {
    const address = findIllFormedAddress(new URL(c.req.url));
    if (address) throw refusal(address);
    if (!c.req.raw.body || !isJson(c.req.header('content-type'))) return next();

    const bytes = new Uint8Array(await c.req.raw.arrayBuffer());
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      throw refusal({ path: '(body)', message: 'is not UTF-8 text; send JSON encoded as UTF-8' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined; // malformed JSON: the route refuses it as it always has
    }
    const problem = findIllFormedText(parsed);
    if (problem) throw refusal(problem);
    // The body was read here: hand the routes (and better-auth, which reads the raw request) the same bytes.
    c.req.raw = new Request(c.req.raw, { body: bytes });
    return next();
  };
}
