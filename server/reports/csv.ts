/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted when it needs to be, CRLF line
 * ends, a byte-order mark so that Excel reads UTF-8 accents. A cell that a spreadsheet would
 * run as a formula (= + - @, tab, carriage return) is prefixed with an apostrophe (OWASP's
 * CSV-injection advice): exported titles are typed by users.
 *
 * Excel splits a CSV file by its reader's regional list separator: a French Excel expects `;`
 * and reads `3.5` as text, so a French reader gets `;` and a decimal comma (`3,5`).
 */
import type { Locale } from '../../shared/domain.ts';

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export function csvDialect(locale: Locale): CsvDialect {
  return locale === 'fr' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

export function toCsv(
  rows: readonly (readonly (string | number | null)[])[],
  dialect: CsvDialect = csvDialect('en'),
): string {
  return `\uFEFF${rows.map((row) => row.map((v) => cell(v, dialect)).join(dialect.separator)).join('\r\n')}\r\n`;
}

function cell(value: string | number | null, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', dialect.decimal);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // Both separators are quoted, so that a cell reads the same in either dialect.
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
