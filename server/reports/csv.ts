/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted when it needs to be, CRLF line
 * ends, a byte-order mark so that Excel reads UTF-8 accents. A cell that a spreadsheet would
 * run as a formula (= + - @, tab, carriage return) is prefixed with an apostrophe (OWASP's
 * CSV-injection advice): exported titles are typed by users.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
