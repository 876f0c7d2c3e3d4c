/**
 * How an organisation shows without a logo: its initials on a colour derived from its id. Jalon
 * stores no image files (no upload, no storage to secure and back up), so the "logo" is computed
 * on both sides from what is already stored, and a renamed organisation keeps its colour. Also
 * the address (slug) a new organisation gets from its name.
 */

/** Lower case ASCII words joined by single hyphens: "Hôpital Saint-Louis" → "hopital-saint-louis". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** Small words that do not make an initial: "Institut de Recherche" → "IR". */
const minorWords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'of', 'the', 'and', 'et', 'for', 'pour']);

/** One or two letters: the first letters of its first two significant words. */
export function organisationInitials(name: string): string {
  const words = name
    .split(/[\s\-–—'’/&.,()]+/)
    .filter((w) => w && !minorWords.has(w.toLowerCase()) && /\p{L}|\p{N}/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/**
 * Colours that all carry white text at a contrast of at least 4.5:1 (WCAG AA), distinct enough
 * to tell neighbours in a list apart.
 */
export const badgeColours = [
  '#1d4ed8',
  '#0f766e',
  '#7e22ce',
  '#b91c1c',
  '#a16207',
  '#15803d',
  '#be185d',
  '#4338ca',
  '#0e7490',
  '#9a3412',
] as const;

/** The same organisation always gets the same colour (FNV-1a over its id). */
export function organisationColour(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return badgeColours[hash % badgeColours.length] as string;
}
