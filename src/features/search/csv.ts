/**
 * CSV as RFC 4180 has it (comma separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled), made safe for spreadsheets: a text cell that begins
 * with =, +, -, @, a tab or a carriage return would run as a formula in Excel or Sheets, so it
 * gets a leading apostrophe (OWASP's advice for CSV injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: empty for null/undefined, numbers as they are, text neutralised and quoted if needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A whole file: a header row (`headers`, default the column names), then one row per record;
 * every line ends with CRLF.
 */
export function toCsv<T>(
  columns: readonly string[],
  records: readonly T[],
  read: (record: T, column: string) => unknown,
  headers: readonly string[] = columns,
): string {
  const lines = [csvRow(headers), ...records.map((r) => csvRow(columns.map((c) => read(r, c))))];
  return lines.map((line) => `${line}\r\n`).join('');
}

/** `tasks-2026-11-27.csv` */
export function csvFileName(today: string): string {
  return `tasks-${today}.csv`;
}
