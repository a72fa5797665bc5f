import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCanonicalText } from '../../src/ir/canonical.js';
import { type NetlistMetrics, netlistMetrics } from '../../src/ir/metrics.js';
import type { Netlist } from '../../src/ir/netlist.js';
import { validateNetlist } from '../../src/ir/validate.js';
import { SIMULATORS, type SimulatorUnderTest } from './simulators.js';

/**
 * Contracts written once (STYLE habit 8) and run against every simulator in SIMULATORS
 * (habit 6), using only their `evaluateBatch` / `run` interface. Each helper registers vitest
 * tests; call it inside a `describe` or at the top level of a test file.
 *
 * Golden models passed in are independent of the code under test: BigInt expressions.
 * Exhaustive sweeps go through ONE `evaluateBatch` call per netlist.
 */

/** Vectors: `inputs[port][i]` is vector i. Port values are unsigned bit patterns. */
export type Batch = Record<string, bigint[]>;
/** A golden model: output port values for one input vector (compared modulo 2^width). */
export type Golden = (inputs: Readonly<Record<string, bigint>>) => Record<string, bigint>;

export interface CombinationalContract {
  /** Widths to check: exhaustively up to `exhaustiveUpTo`, by fast-check properties above. */
  readonly widths: readonly number[];
  /** Largest width swept exhaustively (default 8). */
  readonly exhaustiveUpTo?: number;
  /** fast-check runs per wide width, each a batch of up to 64 vectors (default 12). */
  readonly runs?: number;
  /** Documented figures, checked against `netlistMetrics`. */
  readonly metrics?: (
    width: number,
  ) => Partial<Pick<NetlistMetrics, 'cells' | 'depth' | 'primitiveCells'>> | undefined;
}

/**
 * The contract of a combinational generator: a valid netlist with no registers, outputs equal
 * to `golden(width)` on every vector (exhaustive for small widths), identical canonical text
 * from two builds, documented metrics.
 */
export function assertCombinationalContract(
  label: string,
  make: (width: number) => Netlist,
  golden: (width: number) => Golden,
  contract: CombinationalContract,
): void {
  const limit = contract.exhaustiveUpTo ?? 8;
  describe.each(SIMULATORS)(`${label} [$name]`, (sim) => {
    for (const width of contract.widths) {
      if (width <= limit) {
        it(`matches the golden model on every vector at ${width} bits`, () => {
          const netlist = make(width);
          const sweep = exhaustiveSweep(netlist, golden, width);
          checkExpected(sim, netlist, sweep.batch, sweep.expected);
        });
      } else {
        it(`matches the golden model on random vectors at ${width} bits`, () => {
          const netlist = make(width);
          fc.assert(
            fc.property(
              fc.array(vectorArbitrary(netlist), { minLength: 1, maxLength: 64 }),
              (vectors) => {
                checkBatch(sim, netlist, toBatch(netlist, vectors), golden(width));
              },
            ),
            { numRuns: contract.runs ?? 12, seed: 0x5eed },
          );
        });
      }
    }
  });
  describe(`${label} structure`, () => {
    it('builds valid, register-free, deterministic netlists', () => {
      for (const width of contract.widths) {
        const first = make(width);
        expect(validateNetlist(first)).toEqual([]);
        expect(first.registers).toHaveLength(0);
        expect(toCanonicalText(make(width))).toBe(toCanonicalText(first));
      }
    });
    if (contract.metrics) {
      const expectedOf = contract.metrics;
      it('has the documented cell counts and depth', () => {
        for (const width of contract.widths) {
          const expected = expectedOf(width);
          if (expected === undefined) continue;
          const m = netlistMetrics(make(width));
          const actual = Object.fromEntries(
            Object.keys(expected).map((k) => [k, m[k as keyof typeof expected]]),
          );
          expect({ width, ...actual }).toEqual({ width, ...expected });
        }
      });
    }
  });
}

/**
 * The adder contract: ports a, b, cin -> sum, cout with sum + 2^n·cout = a + b + cin, checked
 * exhaustively (every a, b and carry-in) up to 8 bits and by properties above.
 */
export function assertAdderContract(
  label: string,
  makeAdder: (width: number) => Netlist,
  contract: CombinationalContract,
): void {
  assertCombinationalContract(label, makeAdder, adderGolden, contract);
}

/** a + b + cin, split into the low n bits and the carry. */
export function adderGolden(width: number): Golden {
  return ({ a, b, cin }) => {
    const total = a + b + cin;
    return { sum: total & ((1n << BigInt(width)) - 1n), cout: total >> BigInt(width) };
  };
}

/**
 * The contract of a sequential generator: from reset, cycle by cycle, the outputs equal the
 * golden sequence on `sequences` random input sequences of `length` cycles.
 */
export function assertSequentialContract(
  label: string,
  make: () => Netlist,
  golden: (cycles: readonly Readonly<Record<string, bigint>>[]) => Record<string, bigint>[],
  options: { readonly length: number; readonly runs?: number },
): void {
  describe.each(SIMULATORS)(`${label} [$name]`, (sim) => {
    it(`matches the golden sequence over ${options.length} cycles from reset`, () => {
      const netlist = make();
      fc.assert(
        fc.property(
          fc.array(vectorArbitrary(netlist), {
            minLength: options.length,
            maxLength: options.length,
          }),
          (cycles) => {
            const actual = sim.run(netlist, cycles);
            const expected = golden(cycles);
            expect(actual.map((o) => masked(netlist, o))).toEqual(
              expected.map((o) => masked(netlist, o)),
            );
          },
        ),
        { numRuns: options.runs ?? 20, seed: 0x5eed },
      );
    });
  });
}

/** Every combination of input bits, the first input port in the lowest bits of the counter. */
export function exhaustiveBatch(netlist: Netlist): Batch {
  const total = netlist.inputs.reduce((sum, p) => sum + p.bits.length, 0);
  if (total > 20) throw new Error(`${netlist.name}: ${total} input bits is too many to sweep`);
  const batch: Batch = Object.fromEntries(netlist.inputs.map((p) => [p.name, [] as bigint[]]));
  for (let k = 0; k < 2 ** total; k++) {
    let shift = 0;
    for (const port of netlist.inputs) {
      batch[port.name].push(BigInt(Math.floor(k / 2 ** shift) % 2 ** port.bits.length));
      shift += port.bits.length;
    }
  }
  return batch;
}

/** One random vector: a fast-check bigint per input port (biased to edge values). */
export function vectorArbitrary(netlist: Netlist): fc.Arbitrary<Record<string, bigint>> {
  return fc.record(
    Object.fromEntries(
      netlist.inputs.map((p) => [
        p.name,
        fc.bigInt({ min: 0n, max: (1n << BigInt(p.bits.length)) - 1n }),
      ]),
    ),
  );
}

export function toBatch(
  netlist: Netlist,
  vectors: readonly Readonly<Record<string, bigint>>[],
): Batch {
  return Object.fromEntries(netlist.inputs.map((p) => [p.name, vectors.map((v) => v[p.name])]));
}

/**
 * Runs one batch through `sim` and compares every vector with `golden`; on a mismatch the
 * failure names the first failing vector (inputs, expected, actual).
 */
export function checkBatch(
  sim: SimulatorUnderTest,
  netlist: Netlist,
  batch: Batch,
  golden: Golden,
): void {
  const out = sim.evaluateBatch(netlist, batch);
  const names = Object.keys(batch);
  const count = Math.max(0, ...names.map((name) => batch[name].length));
  const outputs = netlist.outputs.map((p) => ({ name: p.name, width: p.bits.length }));
  for (let i = 0; i < count; i++) {
    const inputs: Record<string, bigint> = {};
    for (const name of names) inputs[name] = batch[name][i];
    const want = golden(inputs);
    for (const { name, width } of outputs) {
      const expected = want[name];
      if (expected === undefined) throw new Error(`golden model gives no value for output ${name}`);
      if (BigInt.asUintN(width, expected) !== out[name][i]) {
        const actual = Object.fromEntries(outputs.map((o) => [o.name, out[o.name][i]]));
        expect({ inputs, actual }).toEqual({ inputs, actual: masked(netlist, want) });
      }
    }
  }
}

/** Expected outputs of a batch, port by port, already reduced modulo 2^width. */
export type Expected = Record<string, bigint[]>;

/**
 * Every vector of `netlist`'s inputs and the golden outputs for them, computed once per golden
 * factory, width and port layout: the adder architectures share one sweep per width.
 */
const sweeps = new WeakMap<object, Map<string, { batch: Batch; expected: Expected }>>();

export function exhaustiveSweep(
  netlist: Netlist,
  golden: (width: number) => Golden,
  width: number,
): { batch: Batch; expected: Expected } {
  const layout = [
    width,
    ...netlist.inputs.map((p) => `${p.name}:${p.bits.length}`),
    '|',
    ...netlist.outputs.map((p) => `${p.name}:${p.bits.length}`),
  ].join(' ');
  let byLayout = sweeps.get(golden);
  if (byLayout === undefined) sweeps.set(golden, (byLayout = new Map()));
  const cached = byLayout.get(layout);
  if (cached) return cached;
  const batch = exhaustiveBatch(netlist);
  const sweep = { batch, expected: expectedOutputs(netlist, batch, golden(width)) };
  byLayout.set(layout, sweep);
  return sweep;
}

/** The golden outputs of every vector of `batch`, modulo 2^width of each output port. */
export function expectedOutputs(netlist: Netlist, batch: Batch, golden: Golden): Expected {
  const names = Object.keys(batch);
  const count = Math.max(0, ...names.map((name) => batch[name].length));
  const expected: Expected = Object.fromEntries(
    netlist.outputs.map((p) => [p.name, [] as bigint[]]),
  );
  for (let i = 0; i < count; i++) {
    const inputs: Record<string, bigint> = {};
    for (const name of names) inputs[name] = batch[name][i];
    const want = masked(netlist, golden(inputs));
    for (const port of netlist.outputs) expected[port.name].push(want[port.name]);
  }
  return expected;
}

/** Runs `batch` through `sim` and compares with precomputed expected outputs. */
export function checkExpected(
  sim: SimulatorUnderTest,
  netlist: Netlist,
  batch: Batch,
  expected: Expected,
): void {
  const out = sim.evaluateBatch(netlist, batch);
  for (const port of netlist.outputs) {
    const got = out[port.name];
    const want = expected[port.name];
    for (let i = 0; i < want.length; i++) {
      if (got[i] !== want[i]) {
        const inputs = Object.fromEntries(Object.keys(batch).map((name) => [name, batch[name][i]]));
        const actual = Object.fromEntries(netlist.outputs.map((o) => [o.name, out[o.name][i]]));
        const wanted = Object.fromEntries(
          netlist.outputs.map((o) => [o.name, expected[o.name][i]]),
        );
        expect({ inputs, actual }).toEqual({ inputs, actual: wanted });
      }
    }
  }
}

/** Golden values modulo 2^width of each output port, for the ports the netlist has. */
function masked(
  netlist: Netlist,
  values: Readonly<Record<string, bigint>>,
): Record<string, bigint> {
  const result: Record<string, bigint> = {};
  for (const port of netlist.outputs) {
    const v = values[port.name];
    if (v === undefined) throw new Error(`golden model gives no value for output ${port.name}`);
    result[port.name] = BigInt.asUintN(port.bits.length, v);
  }
  return result;
}
