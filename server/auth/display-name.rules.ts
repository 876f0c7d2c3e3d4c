/**
 * What a display name may be. Others see it beside comments, decisions and cursors, so it may
 * not pass for the programme office, a role, the system, or another member of one's projects.
 * Names are compared after folding case, accents, spacing and punctuation, so "Bureau du
 * Programme", "bureau-du-programme" and "BUREAU DU PROGRAMME." are the same name.
 */

export const MAX_DISPLAY_NAME_LENGTH = 80;

/** Names of the office, of roles and of the system, in English and French. */
const RESERVED = [
  'programme office',
  'program office',
  'bureau du programme',
  'bureau des programmes',
  'cluster manager',
  'cluster management',
  'gestionnaire du cluster',
  'gestionnaire de cluster',
  'direction du cluster',
  'project lead',
  'chef de projet',
  'responsable du projet',
  'jalon',
  'system',
  'systeme',
  'administrator',
  'administrateur',
  'administratrice',
  'administration',
  'admin',
  'sysadmin',
  'moderator',
  'moderateur',
  'support',
  'security',
  'securite',
  'no reply',
  'noreply',
];

export type DisplayNameProblem = 'empty' | 'too_long' | 'control_characters' | 'reserved' | 'other_member';

export const displayNameMessages: Record<DisplayNameProblem, string> = {
  empty: 'Enter your name.',
  too_long: `A name has at most ${MAX_DISPLAY_NAME_LENGTH} characters.`,
  control_characters: 'A name cannot contain line breaks or control characters.',
  reserved: 'This name could be taken for the programme office, a role or the system; use your own name.',
  other_member: 'Another member of your projects already goes by this name; use your own name.',
};

/** The words of a name, without case, accents or punctuation. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function containsRun(words: string[], run: string[]): boolean {
  if (run.length === 0 || run.length > words.length) return false;
  for (let i = 0; i + run.length <= words.length; i++)
    if (run.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/** Titles that do not make a name another person's: "Dr Claire Dubois" is Claire Dubois. */
const TITLES = new Set(['dr', 'dre', 'pr', 'prof', 'mr', 'mrs', 'ms', 'mme', 'mlle', 'm', 'sir', 'dame']);
const withoutTitles = (words: string[]) => words.filter((w) => !TITLES.has(w));

/**
 * Whether `name` could pass for `other`: the same words, the same letters run together, or
 * (for a name of two words or more) the other's name inside it, as in "Dr Claire Dubois".
 */
function passesFor(words: string[], otherWords: string[]): boolean {
  if (otherWords.length === 0) return false;
  if (words.join('') === otherWords.join('')) return true;
  if (otherWords.length >= 2 && containsRun(words, otherWords)) return true;
  // Spelled together ("ProgrammeOffice", "Programme.Office") the phrase is still recognisable.
  return otherWords.length >= 2 && words.join('').includes(otherWords.join(''));
}

const reservedWords = RESERVED.map(nameWords);

export function displayNameProblem(
  name: string,
  otherMembers: readonly string[] = [],
): DisplayNameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if ([...trimmed].length > MAX_DISPLAY_NAME_LENGTH) return 'too_long';
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(trimmed)) return 'control_characters';
  const words = nameWords(trimmed);
  if (words.length === 0) return 'empty';
  for (const reserved of reservedWords) {
    if (reserved.length === 1 ? words.includes(reserved[0] as string) : passesFor(words, reserved))
      return 'reserved';
  }
  const plain = withoutTitles(words);
  for (const other of otherMembers)
    if (passesFor(plain, withoutTitles(nameWords(other)))) return 'other_member';
  return null;
}
