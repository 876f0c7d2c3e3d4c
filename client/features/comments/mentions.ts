/**
 * @mentions in a comment's text. The body keeps the readable `@Name`; the request carries the
 * mentioned members' ids, found again in the final text (so a mention deleted while editing is
 * not sent). Pure functions, tested in tests/unit/client-collab-comments.test.ts.
 */

export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

const MAX_QUERY = 40;
export const MAX_MENTIONS = 20;

/** Lower case without accents: "hel" finds "Hélène". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The mention being typed at the caret, if any: the position of its `@` and what follows it.
 * An `@` inside a word (an e-mail address) starts none; a query may hold single spaces
 * ("@Sophie La"), so full names can be typed.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  const prev = at > 0 ? before[at - 1]! : ' ';
  if (!/[\s([{"'«]/u.test(prev)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || /^\s|\s\s/.test(query)) return null;
  return { start: at, query };
}

/** Members whose name (any word of it) or e-mail starts with `query`; names starting with it first. */
export function matchMembers<M extends Mentionable>(members: readonly M[], query: string, limit = 6): M[] {
  const q = fold(query.trim());
  const scored: { m: M; rank: number }[] = [];
  for (const m of members) {
    const name = fold(m.name);
    let rank = -1;
    if (name.startsWith(q)) rank = 0;
    else if (name.split(/[\s.-]+/).some((w) => w.startsWith(q))) rank = 1;
    else if (fold(m.email).startsWith(q)) rank = 2;
    if (rank >= 0) scored.push({ m, rank });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.m.name.localeCompare(b.m.name))
    .slice(0, limit)
    .map((s) => s.m);
}

/** The text with the mention being typed (from `start` to `caret`) replaced by `@name `. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const inserted = `@${name}${after.startsWith(' ') ? '' : ' '}`;
  return {
    text: text.slice(0, start) + inserted + after,
    caret: start + inserted.length + (after.startsWith(' ') ? 1 : 0),
  };
}

const BOUNDARY_AFTER = /^(?:$|[\s.,;:!?)\]}'"»…])/u;

/** Ids of the members named as `@Full Name` in `text`, in order of first appearance, at most 20. */
export function mentionIds(text: string, members: readonly Mentionable[]): string[] {
  const found: { id: string; at: number }[] = [];
  // Longest names first, so "@Anne Marie Duval" is not taken for "@Anne Marie".
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  for (const m of byLength) {
    const needle = `@${m.name}`;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at === -1) break;
      from = at + needle.length;
      const end = at + needle.length;
      const before = at > 0 ? text[at - 1]! : ' ';
      if (!/[\s([{"'«]/u.test(before) || !BOUNDARY_AFTER.test(text.slice(end))) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      if (!found.some((f) => f.id === m.userId)) found.push({ id: m.userId, at });
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_MENTIONS)
    .map((f) => f.id);
}

export interface BodySegment {
  text: string;
  mention: boolean;
}

/** A comment's body split so that each `@Name` of the people it mentions can be set apart. */
export function bodySegments(body: string, names: readonly string[]): BodySegment[] {
  const needles = [...new Set(names)]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((n) => `@${n}`);
  const segments: BodySegment[] = [];
  let plain = '';
  let i = 0;
  while (i < body.length) {
    const needle = body[i] === '@' ? needles.find((n) => body.startsWith(n, i)) : undefined;
    if (needle) {
      if (plain) segments.push({ text: plain, mention: false });
      plain = '';
      segments.push({ text: needle, mention: true });
      i += needle.length;
    } else {
      plain += body[i];
      i += 1;
    }
  }
  if (plain) segments.push({ text: plain, mention: false });
  return segments;
}
