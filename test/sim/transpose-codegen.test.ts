import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transposeCode } from '../../src/sim/transpose-codegen.js';

/** Compiles the generated code into (rows) => transposed rows. */
function build(zero: ReadonlySet<number>, needed: ReadonlySet<number>) {
  const rows = Array.from({ length: 32 }, (_, r) => (zero.has(r) ? '0' : `x[${r}]`));
  const t = transposeCode(rows, needed, 't');
  const body = `${t.lines.join('\n')}\nreturn [${t.rows.join(', ')}];`;
  return { fn: new Function('x', body) as (x: number[]) => number[], lines: t.lines.length };
}

describe('generated 32x32 transposes', () => {
  it('match a bit-by-bit transpose on the needed rows, zero rows folded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 32, maxLength: 32 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 31 })),
        fc.uniqueArray(fc.integer({ min: 0, max: 31 }), { minLength: 1 }),
        (values, zeroRows, neededRows) => {
          const zero = new Set(zeroRows);
          const x = values.map((v, r) => (zero.has(r) ? 0 : v | 0));
          const got = build(zero, new Set(neededRows)).fn(x);
          for (const c of neededRows) {
            let expected = 0;
            for (let r = 0; r < 32; r++) if ((x[r] >>> c) & 1) expected |= 1 << r;
            expect(got[c]).toBe(expected);
          }
        },
      ),
    );
  });

  it('emits less code for narrow ports', () => {
    const none = new Set<number>();
    const all = new Set(Array.from({ length: 32 }, (_, i) => i));
    expect(build(none, all).lines).toBe(5 * 16 * 3);
    expect(build(none, new Set([0])).lines).toBe(31 * 2);
    expect(build(new Set(Array.from({ length: 31 }, (_, i) => i + 1)), all).lines).toBeLessThan(
      5 * 16 * 3,
    );
  });
});
