import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rippleCarry } from '../../src/gen/adders/ripple-carry.js';
import { NetlistBuilder } from '../../src/ir/builder.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { CompiledSimulator, compile, evaluateArrays } from '../../src/sim/compiled.js';
import { ReferenceSimulator } from '../../src/sim/reference.js';
import { prng, randomNetlist, randomValues } from './random-netlist.js';

/** Reference outputs of one instance, cycle by cycle from reset. */
function referenceRun(netlist: Netlist, cycles: Record<string, bigint>[]) {
  const sim = new ReferenceSimulator(netlist);
  return cycles.map((v) => {
    sim.setInputs(v);
    const out = sim.outputs();
    sim.step();
    return out;
  });
}

function randomCycles(netlist: Netlist, rand: () => number, count: number) {
  const values = netlist.inputs.map((p) => randomValues(rand, p.bits.length, count));
  return Array.from({ length: count }, (_, t) =>
    Object.fromEntries(netlist.inputs.map((p, k) => [p.name, values[k][t]])),
  );
}

const shape = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  cells: fc.integer({ min: 0, max: 120 }),
  registers: fc.integer({ min: 0, max: 12 }),
  inputWidths: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
  outputs: fc.integer({ min: 1, max: 3 }),
});

describe('compiled simulator against the reference simulator on random netlists', () => {
  it('gives the same outputs on every vector (registers at reset)', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 100 }), (opts, count) => {
        const netlist = randomNetlist(opts.seed, opts);
        const rand = prng(opts.seed ^ 0x5555);
        const cycles = randomCycles(netlist, rand, count);
        const inputs = Object.fromEntries(
          netlist.inputs.map((p) => [p.name, cycles.map((c) => c[p.name])]),
        );
        const got = new CompiledSimulator(netlist).evaluateBigInt(inputs);
        const ref = new ReferenceSimulator(netlist);
        cycles.forEach((vector, i) => {
          ref.setInputs(vector);
          const expected = ref.outputs();
          for (const p of netlist.outputs) expect(got[p.name][i]).toBe(expected[p.name]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('steps registers cycle by cycle like the reference, many instances side by side', () => {
    fc.assert(
      fc.property(
        shape,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 70 }),
        (opts, cycleCount, instances) => {
          const netlist = randomNetlist(opts.seed, opts);
          const rand = prng(opts.seed ^ 0x3333);
          const streams = Array.from({ length: instances }, () =>
            randomCycles(netlist, rand, cycleCount),
          );
          const got = new CompiledSimulator(netlist).runBigInt(streams);
          streams.forEach((stream, i) => {
            expect(got[i]).toEqual(referenceRun(netlist, stream));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs instances from Int32 word vectors laid out time-major', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 12 }),
        (seed, instances, cycleCount) => {
          const netlist = randomNetlist(seed, {
            cells: 60,
            registers: 6,
            inputWidths: [1, 8, 32],
            outputs: 2,
            maxOutputWidth: 32,
          });
          const rand = prng(seed ^ 0x1111);
          const streams = Array.from({ length: instances }, () =>
            randomCycles(netlist, rand, cycleCount),
          );
          const inputs = Object.fromEntries(
            netlist.inputs.map((p) => [
              p.name,
              Int32Array.from({ length: instances * cycleCount }, (_, k) =>
                Number(
                  BigInt.asIntN(32, streams[k % instances][Math.floor(k / instances)][p.name]),
                ),
              ),
            ]),
          );
          const got = compile(netlist).runInt32(inputs, instances);
          streams.forEach((stream, i) => {
            referenceRun(netlist, stream).forEach((expected, t) => {
              for (const p of netlist.outputs) {
                const w = p.bits.length;
                const v = p.signed ? BigInt.asIntN(w, expected[p.name]) : expected[p.name];
                expect(got[p.name][t * instances + i]).toBe(Number(BigInt.asIntN(32, v)));
              }
            });
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('covers every cell kind with registers of both init values in one netlist', () => {
    const netlist = randomNetlist(12345, {
      cells: 400,
      registers: 24,
      inputWidths: [7, 33],
      outputs: 3,
    });
    expect(new Set(netlist.cells.map((c) => c.kind)).size).toBe(11);
    expect(new Set(netlist.registers.map((r) => r.init))).toEqual(new Set([0, 1]));
    const stream = randomCycles(netlist, prng(99), 300);
    expect(new CompiledSimulator(netlist).runBigInt([stream])[0]).toEqual(
      referenceRun(netlist, stream),
    );
  });

  it('keeps register state across runPlanes calls (a long run fed in pieces)', () => {
    const b = new NetlistBuilder('counter');
    const en = b.input('en', 1)[0];
    const bits = Array.from({ length: 4 }, () => b.registerLater());
    let carry = en;
    bits.forEach((r) => {
      const [s, c] = b.ha(r.q, carry);
      r.drive(s);
      carry = c;
    });
    b.output(
      'count',
      bits.map((r) => r.q),
    );
    const sim = new CompiledSimulator(b.build());
    const state = sim.resetState(1);
    const ones = [new Int32Array(5).fill(-1)];
    const out = Array.from({ length: 4 }, () => new Int32Array(5));
    sim.runPlanes(ones, out, state, 1, 5);
    sim.runPlanes(ones, out, state, 1, 5);
    // after 5 cycles the counter shows 5 at the first cycle of the second piece, then 6 .. 9
    const lane0 = (t: number) => out.reduce((v, plane, bit) => v | ((plane[t] & 1) << bit), 0);
    expect([0, 1, 2, 3, 4].map(lane0)).toEqual([5, 6, 7, 8, 9]);
  });
});

describe.each([
  { backend: 'WebAssembly SIMD', wasm: true },
  { backend: 'JavaScript', wasm: false },
])('fused word-vector kernel, $backend (transposes and gates in one loop)', ({ wasm }) => {
  it('equals the reference on random netlists, ports up to 32 bits, any vector count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.integer({ min: 1, max: 32 }), { minLength: 1, maxLength: 3 }),
        fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 4000, max: 4500 })),
        (seed, inputWidths, count) => {
          const netlist = randomNetlist(seed, {
            cells: 80,
            registers: 0,
            inputWidths,
            outputs: 3,
            maxOutputWidth: 32,
          });
          const rand = prng(seed ^ 0x777);
          const columns = netlist.inputs.map((p) => randomValues(rand, p.bits.length, count));
          const sim = new CompiledSimulator(netlist, { wasm });
          expect(sim.wasm !== undefined).toBe(wasm);
          const got = sim.evaluateInt32(
            Object.fromEntries(
              netlist.inputs.map((p, k) => [
                p.name,
                Int32Array.from(columns[k], (v) => Number(BigInt.asIntN(32, v))),
              ]),
            ),
          );
          const ref = new ReferenceSimulator(netlist);
          for (let i = 0; i < count; i++) {
            ref.setInputs(
              Object.fromEntries(netlist.inputs.map((p, k) => [p.name, columns[k][i]])),
            );
            const expected = ref.outputs();
            for (const p of netlist.outputs) {
              const w = p.bits.length;
              const v = p.signed ? BigInt.asIntN(w, expected[p.name]) : expected[p.name];
              expect(got[p.name][i]).toBe(Number(BigInt.asIntN(32, v)));
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('compiled simulator word-vector API', () => {
  const b = new NetlistBuilder('rca12');
  const x = b.input('a', 12, { signed: true });
  const y = b.input('b', 12, { signed: true });
  const { sum, cout } = rippleCarry(b, x, y);
  b.output('sum', sum, { signed: true });
  b.output('cout', [cout]);
  const adder = b.build();

  it('evaluates Int32 arrays, sign-extending signed outputs', () => {
    const rand = prng(7);
    const n = 1000;
    const a = Int32Array.from({ length: n }, () => Math.floor(rand() * 4096) - 2048);
    const c = Int32Array.from({ length: n }, () => Math.floor(rand() * 4096) - 2048);
    const out = evaluateArrays(adder, { a, b: c });
    for (let i = 0; i < n; i++) {
      const total = BigInt.asUintN(12, BigInt(a[i])) + BigInt.asUintN(12, BigInt(c[i]));
      expect(out.sum[i]).toBe(Number(BigInt.asIntN(12, total)));
      expect(out.cout[i]).toBe(Number(total >> 12n));
    }
  });

  it('writes into caller-provided output arrays, on every backend', () => {
    const a = Int32Array.from({ length: 300 }, (_, i) => i * 7 - 1000);
    const c = Int32Array.from({ length: 300 }, (_, i) => 900 - i * 5);
    const expected = evaluateArrays(adder, { a, b: c });
    for (const wasm of [true, false]) {
      const sum = new Int32Array(310);
      const carry = new Int32Array(300);
      const got = new CompiledSimulator(adder, { wasm }).evaluateInt32(
        { a, b: c },
        { sum, cout: carry },
      );
      expect(got.sum).toBe(sum);
      expect(Array.from(sum.subarray(0, 300))).toEqual(Array.from(expected.sum));
      expect(Array.from(carry)).toEqual(Array.from(expected.cout));
    }
    expect(() => evaluateArrays(adder, { a, b: c }, { sum: new Int32Array(5) })).toThrow(
      'output array sum holds 5 values, 300 needed',
    );
  });

  it('caches one compiled simulator per netlist object', () => {
    expect(compile(adder)).toBe(compile(adder));
  });

  it('refuses ports wider than 32 bits on the Int32 path and ragged inputs', () => {
    const w = new NetlistBuilder('wide');
    w.output('y', w.input('x', 33));
    const wide = w.build();
    expect(() => compile(wide).evaluateInt32({ x: [1] })).toThrow(
      'evaluateInt32: port x is 33 bits wide (max 32)',
    );
    expect(() => compile(adder).evaluateInt32({ a: [1, 2], b: [1] })).toThrow(
      'input port b has 1 values, the others 2: all ports need one per vector',
    );
  });

  it('validates the netlist on entry', () => {
    const broken: Netlist = {
      name: 'broken',
      netCount: 4,
      inputs: [],
      outputs: [{ name: 'y', bits: [3] }],
      cells: [{ kind: 'and', inputs: [2, 0], outputs: [3] }],
      registers: [],
    };
    expect(() => new CompiledSimulator(broken)).toThrow(/netlist broken is invalid/);
  });
});
