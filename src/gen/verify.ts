import { wrapBigInt } from '../bits/raw.js';
import type { Netlist, Port } from '../ir/netlist.js';
import type { DatapathOptions, DatapathSpec } from './datapath-spec.js';
import { SeededRandom } from './random.js';

/**
 * Checks a datapath netlist against its spec's golden model. The simulator is passed in (the
 * reference simulator satisfies `StepSimulator`), so generators stay free of simulators.
 *
 * Combinational ops are checked exhaustively when `width ≤ 8` and the input ports total at most
 * `EXHAUSTIVE_MAX_INPUT_BITS` bits (every pattern, the first input port in the lowest bits of
 * the counter); otherwise on `vectors` seeded random vectors (uniform bits per port).
 * Sequential ops run `vectors` random cycles in sequences of `spec.sequenceLength`, each from
 * reset. Golden values are compared modulo 2^width of each output port.
 */

/** The part of a simulator the verifier needs (the reference simulator has exactly this). */
export interface StepSimulator {
  setInputs(inputs: Readonly<Record<string, bigint>>): void;
  outputs(): Record<string, bigint>;
  step(): void;
  reset(): void;
}

export interface VerifyOptions {
  /** Random vectors (combinational) or cycles (sequential) when not exhaustive. */
  readonly vectors: number;
  readonly seed: number;
  readonly simulator: (netlist: Netlist) => StepSimulator;
  /** Called every 4096 vectors and at the end with (done, total): for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface VerifyMismatch {
  readonly inputs: Record<string, bigint>;
  readonly expected: Record<string, bigint>;
  readonly actual: Record<string, bigint>;
  /** Cycle within its sequence (sequential ops only). */
  readonly cycle?: number;
}

export interface VerifyResult {
  readonly mode: 'exhaustive' | 'random';
  /** Vectors (or cycles) checked. */
  readonly vectors: number;
  readonly passed: number;
  readonly failed: number;
  /** The first failing vector, if any. */
  readonly firstMismatch?: VerifyMismatch;
}

/** 2^18 vectors: an 8-bit two-operand adder with carry-in (17 bits) is still exhaustive. */
export const EXHAUSTIVE_MAX_INPUT_BITS = 18;

export function verifyDatapath(
  spec: DatapathSpec,
  options: DatapathOptions,
  netlist: Netlist,
  verify: VerifyOptions,
): VerifyResult {
  const sim = verify.simulator(netlist);
  const random = new SeededRandom(verify.seed);
  const tally = new Tally(netlist.outputs);
  const inputBits = netlist.inputs.reduce((sum, port) => sum + port.bits.length, 0);
  if (spec.kind === 'combinational') {
    const exhaustive = options.width <= 8 && inputBits <= EXHAUSTIVE_MAX_INPUT_BITS;
    const count = exhaustive ? 2 ** inputBits : verify.vectors;
    for (let k = 0; k < count; k++) {
      const inputs = exhaustive
        ? splitPattern(netlist.inputs, BigInt(k))
        : randomVector(netlist.inputs, random);
      sim.setInputs(inputs);
      tally.check(inputs, spec.golden(options, inputs), sim.outputs());
      if ((k + 1) % 4096 === 0) verify.onProgress?.(k + 1, count);
    }
    verify.onProgress?.(count, count);
    return tally.result(exhaustive ? 'exhaustive' : 'random');
  }
  for (let done = 0; done < verify.vectors; ) {
    const length = Math.min(spec.sequenceLength, verify.vectors - done);
    const cycles = Array.from({ length }, () => randomVector(netlist.inputs, random));
    const expected = spec.golden(options, cycles);
    sim.reset();
    cycles.forEach((inputs, cycle) => {
      sim.setInputs(inputs);
      tally.check(inputs, expected[cycle], sim.outputs(), cycle);
      sim.step();
    });
    done += length;
    verify.onProgress?.(done, verify.vectors);
  }
  return tally.result('random');
}

function splitPattern(ports: readonly Port[], pattern: bigint): Record<string, bigint> {
  const inputs: Record<string, bigint> = {};
  let rest = pattern;
  for (const port of ports) {
    inputs[port.name] = wrapBigInt(rest, port.bits.length, false);
    rest >>= BigInt(port.bits.length);
  }
  return inputs;
}

function randomVector(ports: readonly Port[], random: SeededRandom): Record<string, bigint> {
  const inputs: Record<string, bigint> = {};
  for (const port of ports) inputs[port.name] = random.bits(port.bits.length);
  return inputs;
}

class Tally {
  private passed = 0;
  private failed = 0;
  private first: VerifyMismatch | undefined;

  constructor(private readonly outputs: readonly Port[]) {}

  check(
    inputs: Record<string, bigint>,
    golden: Readonly<Record<string, bigint>>,
    actual: Record<string, bigint>,
    cycle?: number,
  ): void {
    const expected: Record<string, bigint> = {};
    let ok = true;
    for (const port of this.outputs) {
      const want = golden[port.name];
      if (want === undefined)
        throw new Error(`golden model gives no value for output ${port.name}`);
      expected[port.name] = wrapBigInt(want, port.bits.length, false);
      if (expected[port.name] !== actual[port.name]) ok = false;
    }
    if (ok) {
      this.passed++;
      return;
    }
    this.failed++;
    this.first ??= { inputs, expected, actual, ...(cycle === undefined ? {} : { cycle }) };
  }

  result(mode: 'exhaustive' | 'random'): VerifyResult {
    return {
      mode,
      vectors: this.passed + this.failed,
      passed: this.passed,
      failed: this.failed,
      ...(this.first ? { firstMismatch: this.first } : {}),
    };
  }
}
