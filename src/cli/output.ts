/** Printing for commands: results go to stdout, everything else (progress, notes) to stderr. */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
}

/** bigint values (exact counts) are written as JSON numbers when safe, else as strings. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Formats rows as an aligned plain-text table (first row is the header). */
export function formatTable(rows: readonly (readonly (string | number)[])[]): string {
  const text = rows.map((r) => r.map((c) => String(c)));
  const widths: number[] = [];
  for (const r of text) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(text[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of text.slice(1)) out.push(line(r));
  return out.join('\n');
}
