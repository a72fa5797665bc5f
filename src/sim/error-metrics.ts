import { wrapInt } from '../bits/fast.js';
import { floorShift } from '../bits/fast-number.js';
import { wrapBigInt } from '../bits/raw.js';
import type { Netlist, Port } from '../ir/netlist.js';
import { compile } from './compiled.js';

/**
 * Error metrics of a two-operand arithmetic circuit against the exact operation it stands for,
 * from simulating it in the compiled bit-parallel simulator.
 *
 * With e = approximate − exact (the result read as one number from its output ports, least
 * significant port first, two's complement when `signed`), over the vectors checked:
 * - `mae`  mean |e|, `wce` max |e|, `bias` mean e, in units of the result's LSB; `mse` mean e²
 *   in LSB²;
 * - `ep` the fraction of vectors with e ≠ 0;
 * - `mre` the mean of |e| / |exact| over the vectors whose exact result is not 0, the others
 *   left out of both sum and count (EvoApproxLib's definition: its published MRE of a
 *   multiplier that always outputs 0 is 100 %); 0 when every exact result is 0. The quotients
 *   are summed in vector order in double precision.
 * Fractions are 0..1. `sums` holds the integer totals behind the means, exact at any size.
 *
 * Vectors: every operand pair (operand a varying fastest) when both operands have at most
 * EXHAUSTIVE_OPERAND_BITS bits; otherwise `vectors` pairs of uniformly random bit patterns
 * drawn from `random`. Input ports other than the two operands are held at 0.
 */

const EXHAUSTIVE_OPERAND_BITS = 9;

export interface ErrorMetricsOptions {
  /** The two operand input ports. */
  readonly operands: readonly [string, string];
  /** Output ports that form the result, least significant first. */
  readonly result: readonly string[];
  /** Operands and result read as two's complement. */
  readonly signed: boolean;
  /** The exact result for operand values. */
  readonly exact: (a: bigint, b: bigint) => bigint;
  /** Random vectors when not exhaustive. */
  readonly vectors: number;
  /** Uniform 32-bit unsigned integers for the random vectors (pass a seeded generator). */
  readonly random: () => number;
}

export interface ErrorMetrics {
  readonly exhaustive: boolean;
  readonly vectors: number;
  readonly mae: number;
  readonly wce: number;
  readonly bias: number;
  readonly mse: number;
  readonly ep: number;
  readonly mre: number;
  readonly sums: {
    /** Σ|e|, Σe, Σe² and max |e| as decimal integers. */
    readonly absolute: string;
    readonly signed: string;
    readonly squared: string;
    readonly worst: string;
    /** Vectors with e ≠ 0, and with exact ≠ 0 (the count `mre` averages over). */
    readonly errorVectors: number;
    readonly relativeVectors: number;
  };
}

/** Vectors simulated per batch: bounds memory on a 2^18-vector sweep. */
const BATCH = 1 << 16;

export function errorMetrics(netlist: Netlist, options: ErrorMetricsOptions): ErrorMetrics {
  const [aPort, bPort] = options.operands.map((name) => findPort(netlist.inputs, name, 'input'));
  const resultPorts = options.result.map((name) => findPort(netlist.outputs, name, 'output'));
  if (netlist.registers.length > 0)
    throw new Error(`error metrics need a combinational netlist; ${netlist.name} has registers`);
  const wa = aPort.bits.length;
  const wb = bPort.bits.length;
  const exhaustive = wa <= EXHAUSTIVE_OPERAND_BITS && wb <= EXHAUSTIVE_OPERAND_BITS;
  const total = exhaustive ? 2 ** (wa + wb) : options.vectors;
  const resultWidth = resultPorts.reduce((s, p) => s + p.bits.length, 0);
  const read = (pattern: bigint, width: number) =>
    options.signed ? wrapBigInt(pattern, width, true) : pattern;
  const acc = new Accumulator();
  for (let start = 0; start < total; start += BATCH) {
    const count = Math.min(BATCH, total - start);
    const as = new Array<bigint>(count);
    const bs = new Array<bigint>(count);
    for (let i = 0; i < count; i++) {
      if (exhaustive) {
        const k = start + i;
        as[i] = BigInt(wrapInt(k, wa, false));
        bs[i] = BigInt(floorShift(k, wa));
      } else {
        as[i] = randomBits(options.random, wa);
        bs[i] = randomBits(options.random, wb);
      }
    }
    const outputs = simulate(netlist, aPort.name, bPort.name, as, bs);
    for (let i = 0; i < count; i++) {
      let pattern = 0n;
      let shift = 0n;
      for (const port of resultPorts) {
        pattern |= outputs[port.name][i] << shift;
        shift += BigInt(port.bits.length);
      }
      const exact = options.exact(read(as[i], wa), read(bs[i], wb));
      acc.add(read(pattern, resultWidth) - exact, exact);
    }
  }
  return acc.result(exhaustive, total);
}

class Accumulator {
  private absolute = 0n;
  private signed = 0n;
  private squared = 0n;
  private worst = 0n;
  private errors = 0;
  private relative = 0;
  private relativeSum = 0;

  add(error: bigint, exact: bigint): void {
    const magnitude = error < 0n ? -error : error;
    this.absolute += magnitude;
    this.signed += error;
    this.squared += error * error;
    if (magnitude > this.worst) this.worst = magnitude;
    if (error !== 0n) this.errors++;
    if (exact !== 0n) {
      this.relative++;
      this.relativeSum += Number(magnitude) / Number(exact < 0n ? -exact : exact);
    }
  }

  result(exhaustive: boolean, vectors: number): ErrorMetrics {
    const mean = (sum: bigint) => (vectors === 0 ? 0 : Number(sum) / vectors);
    return {
      exhaustive,
      vectors,
      mae: mean(this.absolute),
      wce: Number(this.worst),
      bias: mean(this.signed),
      mse: mean(this.squared),
      ep: vectors === 0 ? 0 : this.errors / vectors,
      mre: this.relative === 0 ? 0 : this.relativeSum / this.relative,
      sums: {
        absolute: this.absolute.toString(),
        signed: this.signed.toString(),
        squared: this.squared.toString(),
        worst: this.worst.toString(),
        errorVectors: this.errors,
        relativeVectors: this.relative,
      },
    };
  }
}

/** Output patterns (unsigned, each port's width) of the vectors; other inputs held at 0. */
function simulate(
  netlist: Netlist,
  aName: string,
  bName: string,
  as: readonly bigint[],
  bs: readonly bigint[],
): Record<string, bigint[]> {
  const sim = compile(netlist);
  const narrow = [...netlist.inputs, ...netlist.outputs].every((p) => p.bits.length <= 32);
  const operand = (name: string) => (name === aName ? as : name === bName ? bs : undefined);
  if (!narrow) {
    const inputs: Record<string, readonly bigint[]> = {};
    for (const p of netlist.inputs) inputs[p.name] = operand(p.name) ?? as.map(() => 0n);
    return sim.evaluateBigInt(inputs);
  }
  const inputs: Record<string, Int32Array> = {};
  for (const p of netlist.inputs) {
    const values = operand(p.name);
    inputs[p.name] =
      values === undefined
        ? new Int32Array(as.length)
        : Int32Array.from(values, (v) => Number(v) | 0);
  }
  const raw = sim.evaluateInt32(inputs);
  const result: Record<string, bigint[]> = {};
  for (const p of netlist.outputs) {
    const width = p.bits.length;
    result[p.name] = Array.from(raw[p.name], (v) => wrapBigInt(BigInt(v), width, false));
  }
  return result;
}

function randomBits(random: () => number, width: number): bigint {
  let value = 0n;
  for (let filled = 0; filled < width; filled += 32)
    value = (value << 32n) | BigInt(random() >>> 0);
  return wrapBigInt(value, width, false);
}

function findPort(ports: readonly Port[], name: string, kind: string): Port {
  const port = ports.find((p) => p.name === name);
  if (port === undefined) throw new Error(`error metrics: no ${kind} port ${name}`);
  return port;
}
