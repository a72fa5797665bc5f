/**
 * CSV as RFC 4180 writes it: CRLF line ends (the last record too), fields holding a comma,
 * a double quote, CR or LF enclosed in double quotes with inner quotes doubled. Numbers are
 * written exactly (JavaScript's shortest round-trip form); a missing value is an empty field.
 */
export type CsvCell = string | number | null;

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? numberText(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Exact decimal text of a finite number; never an exponent for safe integers. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`CSV cell must be a finite number, not ${n}`);
  return Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n.toFixed(0) : String(n);
}

/** One CSV document: the header row, then the records. */
export function encodeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
