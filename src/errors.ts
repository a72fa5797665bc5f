/**
 * Errors a user can cause and fix: bad flags, bad files, out-of-range formats.
 * The CLI prints `message` as one line and exits with `exitCode` (2); anything else is a bug
 * and is reported as an internal error. Messages follow "X must be Y, not Z" and name the
 * flag, file or field; tests match them exactly.
 */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Shows a value inside an error message: strings quoted, everything else as written. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) {
    // A hostile file can nest arrays deeper than JSON.stringify's recursion can go.
    try {
      return JSON.stringify(value);
    } catch {
      return Array.isArray(value)
        ? 'an array nested too deeply to show'
        : 'an object too deep to show';
    }
  }
  return String(value);
}
