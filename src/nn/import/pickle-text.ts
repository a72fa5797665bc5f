import { narrow } from './byte-cursor.js';
import type { Fail } from './pickle-calls.js';

/**
 * Operands of the pickle opcodes that carry text: UTF-8 strings, and protocol 0's decimal
 * integers and floats, quoted strings and raw-unicode-escape lines. Each is checked to be what
 * its opcode says; `fail` names the opcode.
 */
export function utf8(b: Uint8Array, fail: Fail): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return fail('holds text that is not valid UTF-8');
  }
}

/** INT and LONG lines: decimal digits (LONG with an "L" suffix); at most 160 digits. */
export function decimalInt(line: string, fail: Fail): number | bigint {
  const t = line.endsWith('L') ? line.slice(0, -1) : line;
  if (!/^[-+]?\d{1,160}$/.test(t))
    fail(`integer must be decimal digits, not ${JSON.stringify(line)}`);
  return narrow(BigInt(t));
}

/** FLOAT lines: decimal notation (Python's repr of a finite float). */
export function decimalFloat(line: string, fail: Fail): number {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(line)) {
    fail(`float must be decimal, not ${JSON.stringify(line)}`);
  }
  return Number(line);
}

/** Protocol 0 STRING operand: a Python repr in quotes with backslash escapes. */
export function quoted(line: string, fail: Fail): string {
  const q = line[0];
  if (line.length < 2 || (q !== "'" && q !== '"') || line.at(-1) !== q) {
    fail(`string must be quoted, not ${JSON.stringify(line)}`);
  }
  const body = line.slice(1, -1);
  const simple: Record<string, string> = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    n: '\n',
    t: '\t',
    r: '\r',
  };
  return body.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.length === 3) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (!(e in simple)) fail(`string has an unsupported escape \\${e}`);
    return simple[e];
  });
}

/** Protocol 0 UNICODE operand: latin-1 text with \uXXXX and \UXXXXXXXX escapes. */
export function rawUnicodeEscape(line: string, fail: Fail): string {
  return line.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u: string, w: string) => {
    const cp = Number.parseInt(u ?? w, 16);
    if (cp > 0x10ffff) fail(`text has an invalid code point \\U${w}`);
    return String.fromCodePoint(cp);
  });
}
