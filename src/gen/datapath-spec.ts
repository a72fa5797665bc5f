import type { Netlist } from '../ir/netlist.js';
import type { AdderArch } from './adders/index.js';
import type { ParamArch } from './approx/arch.js';

/**
 * The shape of one entry of the datapath catalog (`DATAPATH_OPS` in catalog.ts): everything the
 * `addersim datapath` command and the verifier need to build, measure and check one operation,
 * without knowing anything about it.
 *
 * Port values, both ways, are unsigned bit patterns of the port's width (as every simulator
 * reads and writes them). A golden model may return negative or wider values: the verifier
 * compares them modulo 2^width of the output port. Golden models are independent of the
 * generators: plain BigInt expressions and naive loops over src/bits' semantics (reading a
 * pattern, WRAP / SAT of a register), never a call into src/gen.
 */

/** Options every `build` takes. `arch` is one of the spec's `archs`; `width` is in its range. */
export interface DatapathOptions {
  /** Operand width in bits. */
  readonly width: number;
  /** Architecture (for adders the adder family; for multipliers the array/tree kind; ...). */
  readonly arch: string;
  /** Operands read as two's complement when true. */
  readonly signed: boolean;
  /**
   * The adder architecture used inside composite ops whose `arch` names something else
   * (|a−b| variants, multiplier final adders, accumulators, PEs): `--adder`, default
   * 'ripple-carry'. Ops whose spec has no `usesAdder` ignore it.
   */
  readonly adder: AdderArch;
}

/** Which readings of the operands an op supports. */
export type Signedness = 'either' | 'unsigned' | 'signed';

interface DatapathSpecBase {
  /** Kebab-case name, the `--op` value: 'add', 'absdiff', 'mul', 'pe-mac', ... */
  readonly op: string;
  /** One line for `--help`. */
  readonly describe: string;
  /** Valid `--arch` values, in the order `--help` lists them. */
  readonly archs: readonly string[];
  /**
   * Architectures with a parameter, given as `NAME:PARAM` (`--arch loa:4`): approximate
   * circuits (src/gen/approx). `build` receives the text as `arch`.
   */
  readonly paramArchs?: readonly ParamArch[];
  /** The `--arch` used when none is given; one of `archs`. */
  readonly defaultArch: string;
  /** Inclusive operand-width range of `build`. */
  readonly widths: { readonly min: number; readonly max: number };
  /** 'either': `--signed` chooses; 'unsigned' / 'signed': the only reading (the flag is refused / implied). */
  readonly signedness: Signedness;
  /** True when `build` uses `options.adder` (the CLI then accepts `--adder`). Default false. */
  readonly usesAdder?: boolean;
  /** Builds the netlist; throws only on options outside the declared ranges (a bug in the caller). */
  build(options: DatapathOptions): Netlist;
}

/**
 * The exact two-operand operation an op's result stands for, so that error metrics can compare
 * an approximate circuit with it (sim/error-metrics.ts). Values are read signed when
 * `options.signed`.
 */
export interface ErrorReference {
  /** The two operand input ports; any other input port is held at 0. */
  readonly operands: readonly [string, string];
  /** Output ports that form the result, least significant first. */
  result(options: DatapathOptions): readonly string[];
  /** The exact result for operand values `a`, `b`. */
  exact(options: DatapathOptions, a: bigint, b: bigint): bigint;
}

/** A combinational op: one input vector in, one output vector out. */
export interface CombinationalSpec extends DatapathSpecBase {
  readonly kind: 'combinational';
  /** Present when the op approximates a two-operand operation: enables error metrics. */
  readonly errors?: ErrorReference;
  /** Output port values for one input vector (keys: the netlist's input and output port names). */
  golden(
    options: DatapathOptions,
    inputs: Readonly<Record<string, bigint>>,
  ): Record<string, bigint>;
}

/**
 * A sequential op (accumulators, processing elements): verified as sequences of cycles from
 * reset. Each cycle: apply the inputs, settle, read the outputs, then clock every register once
 * (the same order as the simulators' `run`).
 */
export interface SequentialSpec extends DatapathSpecBase {
  readonly kind: 'sequential';
  /** Cycles per random sequence when verifying (each sequence starts from reset). */
  readonly sequenceLength: number;
  /** Outputs seen at each cycle of `cycles`, starting from the reset state. */
  golden(
    options: DatapathOptions,
    cycles: readonly Readonly<Record<string, bigint>>[],
  ): Record<string, bigint>[];
}

export type DatapathSpec = CombinationalSpec | SequentialSpec;
