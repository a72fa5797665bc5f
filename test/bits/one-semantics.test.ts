import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCUMULATOR_OVERFLOW_NAMES } from '../../src/bits/modes.js';
import { OVERFLOW_MODES } from '../../src/gen/accumulators/index.js';
import { ACC_OVERFLOW_MODES } from '../../src/quant/options.js';

/**
 * src/bits is the one fixed-point semantics: quantization rounding, accumulator WRAP / SAT,
 * requantization shifts and the generators' golden models call it. This test scans every
 * src/**\/*.ts outside src/bits for code that does that arithmetic by hand, and for mode lists
 * declared a second time. A hit is either replaced by a call into src/bits or, when it is not
 * fixed-point arithmetic at all, listed in ALLOWED with the reason.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const RANGE_NAME = '(?:lo|hi|min|max|half|limit|qmax|keepLo|keepHi|accLo|accHi)';
const MODE_NAME =
  '(?:wrap|sat|WRAP|SAT|SAT_ZERO|SAT_SYM|TRN|RND|TRN_ZERO|RND_ZERO|RND_INF|RND_MIN_INF|RND_CONV|RND_CONV_ODD)';

interface Rule {
  readonly id: string;
  /** What to call instead. */
  readonly instead: string;
  readonly patterns: readonly RegExp[];
}

const RULES: readonly Rule[] = [
  {
    id: 'math-round',
    instead: 'roundToInteger(x, mode) (Math.round breaks ties toward +inf, not away from 0)',
    patterns: [/\bMath\.round\s*\(/],
  },
  {
    id: 'floor-plus-half',
    instead: "roundToInteger(x, 'RND' | 'RND_INF' | ...)",
    patterns: [/\bMath\.floor\([^;]*\+\s*0?\.5\s*\)/, /\bMath\.floor\(\s*0?\.5\s*\+/],
  },
  {
    id: 'math-trunc',
    instead: "roundToInteger(x, 'TRN_ZERO')",
    patterns: [/\bMath\.trunc\s*\(/],
  },
  {
    id: 'floor-shift',
    instead: 'floorShift(x, shift) (TRN of x read with shift fraction bits)',
    patterns: [/\bMath\.floor\([^;]*(?:\/\s*\(?\s*(?:2\s*\*\*|4294967296\b)|\*\s*2\s*\*\*\s*-)/],
  },
  {
    id: 'modulo-wrap',
    instead: 'wrapInt / wrapBigInt',
    patterns: [
      /%\s*\(?\s*(?:2n?\s*\*\*|1n?\s*<<|4294967296\b|0x1_?0000_?0000\b|(?:span|limit|modulus)\b)/,
      // ((x % m) + m) % m, the floor-modulo idiom
      /%\s*(\w+)\s*\)\s*\+\s*\1\s*\)\s*%\s*\1\b/,
    ],
  },
  {
    id: 'bigint-mask',
    instead: 'wrapBigInt(value, width, signed) (or toPattern / fromPattern)',
    patterns: [/\bBigInt\.as(?:Int|Uint)N\s*\(/],
  },
  {
    id: 'range-clamp',
    instead: 'saturateInt / clampInt, or a quantizer with SAT',
    patterns: [
      // Math.min(hi, Math.max(lo, x)), Math.max(-qmax, Math.min(qmax, x))
      new RegExp(
        `\\bMath\\.(?:min|max)\\(\\s*-?\\s*${RANGE_NAME}\\b[^,]*,\\s*Math\\.(?:min|max)\\(`,
      ),
      // Math.min(Math.max(x, lo), hi)
      new RegExp(
        `\\bMath\\.(?:min|max)\\(\\s*Math\\.(?:min|max)\\([^,]+,\\s*-?\\s*${RANGE_NAME}\\b`,
      ),
      // x < lo ? lo : Math.min(x, hi), acc >= half ? half - 1 : -half, t < min ? min : max
      new RegExp(
        `\\?\\s*-?\\s*(?:half\\s*-\\s*1|${RANGE_NAME}\\b)\\s*:\\s*(?:Math\\.(?:min|max)\\(|-?\\s*${RANGE_NAME}\\b)`,
      ),
    ],
  },
  {
    id: 'mode-list',
    instead: 'the lists of src/bits/modes.ts (ACCUMULATOR_OVERFLOW_NAMES, OVERFLOW_MODES, ...)',
    patterns: [
      new RegExp(`(['"])${MODE_NAME}\\1\\s*\\|\\s*(['"])${MODE_NAME}\\2`),
      new RegExp(`\\[\\s*(['"])${MODE_NAME}\\1\\s*,\\s*(['"])${MODE_NAME}\\2`),
    ],
  },
];

interface Allowed {
  readonly file: string;
  readonly rule: string;
  /** Text on the matching line (the entry covers only lines that contain it). */
  readonly line: string;
  readonly why: string;
}

/** Code that matches a rule but is not fixed-point arithmetic. Each entry must still match. */
const ALLOWED: readonly Allowed[] = [
  {
    file: 'src/format.ts',
    rule: 'math-round',
    line: 'Math.round(value)',
    why: 'prints a count for people; never a datapath value',
  },
  {
    file: 'src/report/charts/labels.ts',
    rule: 'math-round',
    line: 'Math.round(x), y: Math.round(y)',
    why: 'a chart label box in whole pixels (this file also runs in the browser)',
  },
  {
    file: 'src/report/html-script.ts',
    rule: 'math-round',
    line: 'Math.abs(l - Math.round(l))',
    why: 'tests whether a log-axis tick is a power of ten, in the page script',
  },
  {
    file: 'src/report/charts/style.ts',
    rule: 'math-round',
    line: 'Math.round(alpha * 255)',
    why: 'a colour channel of a chart',
  },
  {
    file: 'src/quant/kmeans.ts',
    rule: 'floor-plus-half',
    line: 'Math.floor(((i + 0.5) / k) * n)',
    why: 'index of the (i + 0.5)/k quantile that seeds k-means, not a rounded value',
  },
  {
    file: 'src/quant/requant.ts',
    rule: 'range-clamp',
    line: 'Math.min(accHi + 1, Math.max(accLo, Math.ceil(x)))',
    why: 'a threshold beyond the register range means never / always crossed, not an overflow',
  },
  {
    file: 'src/quant/requant.ts',
    rule: 'range-clamp',
    line: 'Math.min(accHi, Math.max(accLo - 1, Math.floor(x)))',
    why: 'as above, for thresholds crossed from above',
  },
  {
    file: 'src/quant/requant.ts',
    rule: 'range-clamp',
    line: 'offset >= c ? accLo : accHi + 1',
    why: 'a flat channel: its threshold is always (accLo) or never (one past accHi) crossed',
  },
];

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

/** Comment lines are prose (they may name Math.round to say why it is not used). */
function isComment(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith('*') || t.startsWith('/*') || t.startsWith('//');
}

/** Every rule hit in one file's text. */
function scan(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    if (isComment(line)) return;
    for (const rule of RULES) {
      if (rule.patterns.some((p) => p.test(line))) {
        found.push({ file, line: i + 1, rule: rule.id, text: line.trim() });
      }
    }
  });
  return found;
}

function allowedBy(f: Finding): Allowed | undefined {
  return ALLOWED.find((a) => a.file === f.file && a.rule === f.rule && f.text.includes(a.line));
}

const files = sourceFiles(join(ROOT, 'src')).filter((f) => !f.startsWith('src/bits/'));
const findings = files.flatMap((f) => scan(f, readFileSync(join(ROOT, f), 'utf8')));

describe('one fixed-point semantics: src/bits', () => {
  it('scans the source tree', () => {
    expect(files).toContain('src/quant/weights.ts');
    expect(files).toContain('src/engine/accumulate.ts');
    expect(files).toContain('src/gen/catalog-arith.ts');
  });

  it('no file outside src/bits rounds, wraps, saturates or lists modes by hand', () => {
    const bad = findings
      .filter((f) => allowedBy(f) === undefined)
      .map((f) => {
        const rule = RULES.find((r) => r.id === f.rule) as Rule;
        return `${f.file}:${f.line} [${f.rule}] ${f.text} -> use ${rule.instead}`;
      });
    expect(bad).toEqual([]);
  });

  it('every allow-list entry still matches a line (no stale exceptions)', () => {
    const stale = ALLOWED.filter((a) => !findings.some((f) => allowedBy(f) === a)).map(
      (a) => `${a.file} [${a.rule}] ${a.line}`,
    );
    expect(stale).toEqual([]);
  });
});

describe('the scan catches the idioms it names', () => {
  const hits = (line: string) => scan('src/quant/example.ts', line).map((f) => f.rule);

  it.each([
    ['const q = Math.round(x / s);', 'math-round'],
    ['codes[i] = Math.floor(w / s + 0.5);', 'floor-plus-half'],
    ['const t = Math.trunc(x);', 'math-trunc'],
    ['const v = Math.floor(sum / 2 ** p.shift);', 'floor-shift'],
    ['const v = Math.floor(sum[i] * 2 ** -bn.shift[at]);', 'floor-shift'],
    ['hi[i] = Math.floor(v / 4294967296) | 0;', 'floor-shift'],
    ['acc = sum % 2 ** bits;', 'modulo-wrap'],
    ['lo[i] = (v % 4294967296) | 0;', 'modulo-wrap'],
    ['acc = ((((acc + half) % span) + span) % span) - half;', 'modulo-wrap'],
    ['x = ((t % m) + m) % m;', 'modulo-wrap'],
    ['return BigInt.asIntN(width, pattern);', 'bigint-mask'],
    ['codes[i] = Math.max(-qmax, Math.min(qmax, q));', 'range-clamp'],
    ['table[i] = Math.min(hi, Math.max(lo, q));', 'range-clamp'],
    ['return Math.min(Math.max(x, lo), hi);', 'range-clamp'],
    ['dst[i] = v < lo ? lo : Math.min(v, hi);', 'range-clamp'],
    ['if (mode === 1) acc = acc >= half ? half - 1 : -half;', 'range-clamp'],
    ["export const MODES = ['wrap', 'sat'] as const;", 'mode-list'],
    ["type Overflow = 'WRAP' | 'SAT';", 'mode-list'],
  ])('%s', (line, rule) => {
    expect(hits(line)).toContain(rule);
  });

  it.each([
    'const ho = Math.floor((h + 2 * pad - k) / stride) + 1;',
    'const threads = Math.max(1, Math.min(asked, count));',
    'for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;',
    "table(['accumulator bits', 'WRAP', 'SAT'], rows);",
    '// Math.round would send -2.5 to -2',
    ' * floor(x + 0.5) is what the old code did',
    'const at = p * channels + (((i % per) / spatial) | 0);',
  ])('%s is not a hit', (line) => {
    expect(hits(line)).toEqual([]);
  });

  it('adding Math.round( to a file of src/quant fails the scan', () => {
    const path = 'src/quant/weights.ts';
    const text = `${readFileSync(join(ROOT, path), 'utf8')}\nexport const r = Math.round(2.5);\n`;
    const added = scan(path, text).filter((f) => allowedBy(f) === undefined);
    expect(added.map((f) => f.rule)).toEqual(['math-round']);
  });
});

describe('one declaration of the accumulator overflow modes', () => {
  it('quant and gen use the list src/bits derives, spelled as users type it', () => {
    expect(ACC_OVERFLOW_MODES).toBe(ACCUMULATOR_OVERFLOW_NAMES);
    expect(OVERFLOW_MODES).toBe(ACCUMULATOR_OVERFLOW_NAMES);
    expect(ACCUMULATOR_OVERFLOW_NAMES).toEqual(['wrap', 'sat']);
  });
});
