/**
 * What looks like patient-level data in a free text, so that none enters Jalon: the server
 * refuses it (authoritative) and the client warns while one types, with the same rules.
 *
 * Three patterns, each chosen to refuse identifiers and let ordinary text through:
 * - a French social security number (NIR): sex digit (1, 2, 3, 4, 7 or 8), year (2 digits),
 *   month (2), department (2 digits, or 2A / 2B for Corsica), commune (3), order (3), then the
 *   2-digit key; single spaces may separate the groups. Only a number whose key is right
 *   (key = 97 − (the 13 digits mod 97), with 2A read as 19 and 2B as 18) is refused, so that an
 *   ordinary 15-digit number almost always passes.
 * - a date of birth next to a name: a birth marker (né, née, né(e), date de naissance, DDN,
 *   born, DOB, date of birth) followed by a date (12/03/1954, 12-03-1954, 12.03.1954 or
 *   1954-03-12), with a person's name within 40 characters before the marker or after the date.
 *   A name is a title and a capitalised word (M. Dupont, Mme Durand, Dr Martin) or two
 *   consecutive capitalised words (Jean Dupont, DUPONT Jean). A date alone, or a birth date
 *   with no name near it ("patients nés après le 01/01/1950"), passes.
 * - a hospital patient identifier: IPP or NIP (upper case, as the hospitals write them),
 *   optionally followed by "n°", "no", ":" or "#", then 6 to 12 digits.
 */

export type PatientDataKind = 'nir' | 'birth_date_with_name' | 'patient_id';

export interface PatientDataFinding {
  kind: PatientDataKind;
  /** the text that matched, to show where */
  match: string;
}

const NIR =
  /(?<![0-9A-Za-z])([1-478]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2[AaBb]) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![0-9A-Za-z])/g;

/** Whether the 13 characters and the key form a valid NIR (Corsica's 2A and 2B included). */
export function nirKeyIsValid(body: string, key: string): boolean {
  const upper = body.toUpperCase();
  const digits = upper.replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(digits)) return false;
  const expected = 97n - (BigInt(digits) % 97n);
  return expected === BigInt(key);
}

function findNir(text: string): string | null {
  for (const m of text.matchAll(NIR)) {
    const body = m.slice(1, 7).join('');
    if (nirKeyIsValid(body, m[7]!)) return m[0];
  }
  return null;
}

const BIRTH_MARKER = String.raw`(?:né\(e\)|née|né|nee|ne le|date de naissance|ddn|born(?: on)?|dob|date of birth)`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})`;
const BIRTH = new RegExp(String.raw`(?<![\p{L}])${BIRTH_MARKER}\s*(?:le|on)?\s*:?\s*(${DATE})`, 'giu');
const CAP = String.raw`\p{Lu}[\p{L}'’-]+`;
const NAME = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:M\.|Mme|Mlle|Mr|Mrs|Ms|Dr|Pr)\.?\s+${CAP}|(?<![\p{L}])${CAP}\s+${CAP})`,
  'u',
);
const NEAR = 40;

function findBirthDateWithName(text: string): string | null {
  for (const m of text.matchAll(BIRTH)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - NEAR), start);
    const after = text.slice(end, end + NEAR);
    if (NAME.test(before) || NAME.test(after)) return m[0];
  }
  return null;
}

const PATIENT_ID = /(?<![0-9A-Za-z])(?:IPP|NIP)\s*(?:n°|no\.?|#)?\s*[:=]?\s*\d{6,12}(?!\d)/;

function findPatientId(text: string): string | null {
  return PATIENT_ID.exec(text)?.[0] ?? null;
}

/** The first thing in the text that looks like patient-level data, or null. */
export function findPatientData(text: string): PatientDataFinding | null {
  const nir = findNir(text);
  if (nir) return { kind: 'nir', match: nir };
  const birth = findBirthDateWithName(text);
  if (birth) return { kind: 'birth_date_with_name', match: birth };
  const id = findPatientId(text);
  if (id) return { kind: 'patient_id', match: id };
  return null;
}

/** Why a field was refused, in both languages (the server's reply carries both). */
export const patientDataReasons: Record<PatientDataKind, { en: string; fr: string }> = {
  nir: {
    en: 'looks like a French social security number (NIR)',
    fr: 'ressemble à un numéro de sécurité sociale (NIR)',
  },
  birth_date_with_name: {
    en: 'looks like a date of birth next to a name',
    fr: 'ressemble à une date de naissance à côté d’un nom',
  },
  patient_id: {
    en: 'looks like a hospital patient identifier (IPP / NIP)',
    fr: 'ressemble à un identifiant patient hospitalier (IPP / NIP)',
  },
};

/** The message for a field: names it and says why, in English then French. */
export function patientDataMessage(field: { en: string; fr: string }, kind: PatientDataKind): string {
  const why = patientDataReasons[kind];
  return `${field.en}: ${why.en}; no patient-level data may be entered in Jalon. — ${field.fr} : ${why.fr} ; aucune donnée individuelle de patient ne doit être saisie dans Jalon.`;
}

/**
 * Each free-text answer of a form (text and textarea fields) that looks like patient data, as
 * an issue naming the field; the form's other types cannot carry a name or an identifier.
 */
export function patientDataIssues(
  form: readonly { key: string; type: string; label: { en: string; fr: string } }[],
  answers: Record<string, unknown>,
): { field: string; kind: PatientDataKind; message: string }[] {
  const issues: { field: string; kind: PatientDataKind; message: string }[] = [];
  for (const field of form) {
    const value = answers[field.key];
    if ((field.type !== 'text' && field.type !== 'textarea') || typeof value !== 'string') continue;
    const found = findPatientData(value);
    if (found)
      issues.push({
        field: field.key,
        kind: found.kind,
        message: patientDataMessage(field.label, found.kind),
      });
  }
  return issues;
}
