/**
 * The text a user may send, for the odd-Unicode tests: what must be refused (half a surrogate
 * pair, which UTF-8 cannot hold) and what must be kept exactly (everything else that is odd).
 */
import { createClient } from '@libsql/client';

/**
 * What the database cannot keep: the high or the low half of a surrogate pair alone (JSON can
 * carry them as \ud83d escapes; UTF-8 cannot), and NUL (libSQL reads a text column back only
 * up to its first NUL).
 */
export const REFUSED = {
  'high surrogate': { text: 'Cell line A\ud83d ok', message: /unpaired UTF-16 surrogate/ },
  'low surrogate': { text: '\udc4dthumb', message: /unpaired UTF-16 surrogate/ },
  NUL: { text: 'a\u0000b', message: /NUL/ },
} as const;

/** Odd but well-formed text, each kept inside other text (free-text fields trim their ends). */
export const ODD = {
  otherControls: 'bell\u0007 tab\tnew\nline',
  rtlOverride: 'file\u202Etxt.exe',
  rtlMark: 'שלום\u200F!',
  emojiSkinTone: '👍🏽',
  emojiZwj: '👩‍👩‍👧‍👦',
  flags: '🇫🇷🇪🇺',
  combining: 'e\u0301 n\u0303 Z\u0351\u0346\u0315',
  nonBmpCjk: '𠀀𪚥𰻞',
  lineSeparator: 'one\u2028two',
  paragraphSeparator: 'one\u2029two',
  bom: 'x\uFEFFy',
} as const;

/** Every odd sample in one text (short enough for the shortest field, an API token's name). */
export const allOdd = (samples: readonly string[] = Object.values(ODD)) => samples.join(' ');

/**
 * Display names refuse control and format characters (NUL, bidirectional marks, ZWJ, BOM,
 * separators) by rule (server/auth/display-name.rules.ts): a name is odd in the other ways.
 */
export const NAME_ODD = `Zoé ${allOdd([ODD.emojiSkinTone, ODD.flags, ODD.combining, ODD.nonBmpCjk])}`;

/** The tables whose number of rows differs between two counts. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

/**
 * The number of rows in every table of the database: a refused request must change none. The
 * milestone scan writes on its own schedule (a second after start, and after project changes),
 * so its alerts and the notifications about milestones it sends are left out.
 */
export async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const file = createClient({ url: databaseUrl });
  try {
    const tables = await file.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const table = String(name);
      if (table === 'milestone_alerts') continue;
      const n = await file.execute(
        table === 'notifications'
          ? "SELECT count(*) AS n FROM notifications WHERE subject_kind <> 'milestone'"
          : `SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`,
      );
      counts[table] = Number(n.rows[0]?.n);
    }
    return counts;
  } finally {
    file.close();
  }
}
