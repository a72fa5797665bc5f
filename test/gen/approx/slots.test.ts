import { describe, expect, it } from 'vitest';
import { slotTable } from '../../../src/engine/slots.js';
import { InputError } from '../../../src/errors.js';
import { brokenArrayMultiplier } from '../../../src/gen/approx/broken-array.js';
import { checkGenerated, checkImported, slotNames } from '../../../src/gen/approx/slots.js';
import { NetlistBuilder } from '../../../src/ir/builder.js';
import { embedNetlist } from '../../../src/ir/embed.js';
import { ReferenceSimulator } from '../../../src/sim/reference.js';
import { aca, brokenArray, eta1, loa, truncAdd } from './golden.js';

/**
 * Slot units around approximate circuits (gen/approx/slots.ts), through the functional
 * backend's lookup tables (built by simulating the unit): every entry equals the unit's
 * definition computed here from the circuits' published definitions (golden.ts):
 * - sub: s = A(x, ¬w) with carry-out c (bit n); |x − w| ≈ c ? s + 1 : ¬s (n bits);
 * - mul: sign-magnitude, P = M(|x|, |w|); the product is −P when the signs differ.
 */
const n = 6;
const mask = (1n << BigInt(n)) - 1n;

function subGolden(adder: (a: bigint, b: bigint) => bigint, x: bigint, w: bigint): bigint {
  const full = adder(x, ~w & mask);
  const s = full & mask;
  const c = (full >> BigInt(n)) & 1n;
  return c === 1n ? s + 1n : ~s & mask;
}

function mulGolden(m: (a: bigint, b: bigint) => bigint, x: bigint, w: bigint): bigint {
  const p = m(x < 0n ? -x : x, w < 0n ? -w : w);
  return x < 0n !== w < 0n ? -p : p;
}

describe('slot tables equal the units built on the published definitions', () => {
  const adders: [string, (a: bigint, b: bigint) => bigint][] = [
    ['loa:0', (a, b) => loa(0, a, b)],
    ['loa:3', (a, b) => loa(3, a, b)],
    ['trunc:2', (a, b) => truncAdd(2, a, b)],
    ['eta1:4', (a, b) => eta1(4, a, b)],
    ['aca:3', (a, b) => aca(3, n, a, b)],
  ];
  for (const [key, adder] of adders) {
    it(`sub ${key}, ${n}-bit operands, every pair`, () => {
      const table = slotTable('sub', key, n);
      for (let x = 0n; x <= mask; x++) {
        for (let w = 0n; w <= mask; w++) {
          expect(table[Number((x << BigInt(n)) | w)]).toBe(Number(subGolden(adder, x, w)));
        }
      }
    });
  }

  it('sub loa:0 is the exact |x − w|', () => {
    const table = slotTable('sub', 'loa:0', n);
    for (let x = 0; x < 64; x++)
      for (let w = 0; w < 64; w++) expect(table[x * 64 + w]).toBe(Math.abs(x - w));
  });

  const multipliers: [string, (a: bigint, b: bigint) => bigint][] = [
    ['truncmul:0', (a, b) => a * b],
    ['truncmul:5', (a, b) => brokenArray(0, 5, n, a, b)],
    ['bam:2:4', (a, b) => brokenArray(2, 4, n, a, b)],
    ['bam:5:0', (a, b) => brokenArray(5, 0, n, a, b)],
  ];
  for (const [key, m] of multipliers) {
    it(`mul ${key}, signed ${n}-bit operands, every pair`, () => {
      const table = slotTable('mul', key, n);
      for (let x = -(1n << BigInt(n - 1)); x < 1n << BigInt(n - 1); x++) {
        for (let w = -(1n << BigInt(n - 1)); w < 1n << BigInt(n - 1); w++) {
          const index = Number(((x & mask) << BigInt(n)) | (w & mask));
          expect(table[index]).toBe(Number(mulGolden(m, x, w)));
        }
      }
    });
  }
});

describe('broken-array multiplier', () => {
  it('equals its definition for every 5-bit pair and break line', () => {
    for (let h = 0; h < 5; h++) {
      for (const v of [0, 3, 7, 9]) {
        const b = new NetlistBuilder('bam');
        const a = b.input('a', 5);
        const x = b.input('b', 5);
        b.output('p', brokenArrayMultiplier(b, a, x, h, v));
        const sim = new ReferenceSimulator(b.build());
        for (let p = 0n; p < 32n; p++) {
          for (let q = 0n; q < 32n; q++) {
            sim.setInputs({ a: p, b: q });
            expect(sim.outputs().p).toBe(brokenArray(h, v, 5, p, q));
          }
        }
      }
    }
  });
});

describe('embedNetlist', () => {
  it('copies cells listed in any order and returns the outputs by name', () => {
    const inner = {
      name: 'xor_then_and',
      netCount: 6,
      inputs: [
        { name: 'p', bits: [2] },
        { name: 'q', bits: [3] },
      ],
      outputs: [{ name: 'o', bits: [5] }],
      // o = (p ^ q) & p, the and listed before the xor that drives it
      cells: [
        { kind: 'and' as const, inputs: [4, 2], outputs: [5] },
        { kind: 'xor' as const, inputs: [2, 3], outputs: [4] },
      ],
      registers: [],
    };
    const b = new NetlistBuilder('outer');
    const p = b.input('x', 1);
    const q = b.input('y', 1);
    b.output('z', embedNetlist(b, inner, { p, q }).o);
    const sim = new ReferenceSimulator(b.build());
    for (const [x, y] of [
      [0n, 0n],
      [0n, 1n],
      [1n, 0n],
      [1n, 1n],
    ]) {
      sim.setInputs({ x, y });
      expect(sim.outputs().z).toBe((x ^ y) & x);
    }
  });
});

describe('slot circuit names and ports', () => {
  it('lists the generated names of each slot', () => {
    expect(slotNames('sub')).toEqual(['loa:K', 'trunc:K', 'eta1:K', 'aca:W']);
    expect(slotNames('mul')).toEqual(['truncmul:K', 'bam:H:V']);
    expect(slotNames('acc')).toEqual(['loa:K', 'trunc:K', 'eta1:K', 'aca:W']);
  });

  it('refuses unknown names, names of the other slot and parameters out of range', () => {
    expect(() => checkGenerated('sub', 'truncmul:3', 8)).toThrow(
      new InputError(
        '--sub-circuit must be a .v or .json netlist or one of loa:K, trunc:K, eta1:K, aca:W, not "truncmul:3"',
      ),
    );
    expect(() => checkGenerated('sub', 'loa:9', 8)).toThrow(
      new InputError('--sub-circuit loa:K must have K from 0 to 8 at 8 bits, not 9'),
    );
    expect(() => checkGenerated('mul', 'bam:3', 8)).toThrow(
      new InputError('--mul-circuit bam takes 2 parameter(s) (bam:H:V), not "bam:3"'),
    );
    expect(() => checkGenerated('mul', 'bam:8:2', 8)).toThrow(
      new InputError('--mul-circuit bam:H:V must have H from 0 to 7 at 8 bits, not 8'),
    );
  });

  it('refuses an imported circuit whose widths do not fit the slot', () => {
    const b = new NetlistBuilder('adder4');
    const a = b.input('A', 4);
    const c = b.input('B', 4);
    b.output('O', [...a, c[0]]);
    const netlist = b.build();
    const circuit = {
      key: 'adder4@0',
      netlist,
      operands: ['A', 'B'] as const,
      result: ['O'],
      signed: false,
    };
    expect(() => checkImported('sub', circuit, 8)).toThrow(
      new InputError(
        "--sub-circuit adder4 must be an adder with its carry-out: 8-bit operands and a 9-bit result for the layer's 8-bit operands, not 4 and 4-bit operands and a 5-bit result",
      ),
    );
    expect(() => checkImported('sub', circuit, 4)).not.toThrow();
    expect(() => checkImported('acc', circuit, 16)).toThrow(
      new InputError(
        "--acc-circuit adder4 must be an adder with its carry-out: 16-bit operands and a 17-bit result for the layer's 16-bit accumulators, not 4 and 4-bit operands and a 5-bit result",
      ),
    );
    expect(() => checkImported('acc', circuit, 4)).not.toThrow();
    expect(() => checkImported('acc', { ...circuit, signed: true }, 4)).toThrow(
      new InputError(
        "--acc-circuit adder4 must have unsigned ports (an adder's operands and sum are bit patterns)",
      ),
    );
    expect(() => checkGenerated('acc', 'bam:1:1', 20)).toThrow(
      new InputError(
        '--acc-circuit must be a .v or .json netlist or one of loa:K, trunc:K, eta1:K, aca:W, not "bam:1:1"',
      ),
    );
    expect(() => checkGenerated('acc', 'aca:21', 20)).toThrow(
      new InputError('--acc-circuit aca:W must have W from 1 to 20 at 20 bits, not 21'),
    );
  });
});
