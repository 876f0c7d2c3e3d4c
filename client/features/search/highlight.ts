/**
 * Marks, in a title, the words that start with one of the query's words, ignoring case and
 * accents as the server's search does ("securite" marks "Sécurité"). Pure; the server marks
 * its own snippets.
 */

export interface TextPart {
  text: string;
  match: boolean;
}

function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function queryWords(query: string): string[] {
  return query
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => [...w].map(foldChar).join(''));
}

export function highlightWords(text: string, query: string): TextPart[] {
  const words = queryWords(query);
  if (words.length === 0 || !text) return text ? [{ text, match: false }] : [];
  const chars = [...text];
  const marked = new Array<boolean>(chars.length).fill(false);
  // Each word of the text (a run of letters and digits) is compared, folded, with the query's.
  let i = 0;
  while (i < chars.length) {
    if (!/[\p{L}\p{N}]/u.test(chars[i]!)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < chars.length && /[\p{L}\p{N}]/u.test(chars[j]!)) j += 1;
    const folded = chars.slice(i, j).map(foldChar);
    for (const w of words) {
      // Find how many original characters cover the folded prefix `w`.
      let covered = 0;
      let acc = '';
      while (covered < folded.length && acc.length < w.length) {
        acc += folded[covered];
        covered += 1;
      }
      if (acc.startsWith(w)) {
        for (let k = i; k < i + covered; k += 1) marked[k] = true;
        break;
      }
    }
    i = j;
  }
  const parts: TextPart[] = [];
  for (let k = 0; k < chars.length; k += 1) {
    const last = parts[parts.length - 1];
    if (last && last.match === marked[k]) last.text += chars[k];
    else parts.push({ text: chars[k]!, match: marked[k]! });
  }
  return parts;
}
