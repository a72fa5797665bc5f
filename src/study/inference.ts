import type { AccumulatorOverflowName } from '../bits/modes.js';
import type { AsicCellTable } from '../cost/table-types.js';
import type { Dataset } from '../nn/data/dataset.js';
import type { Backend } from '../report/results.js';
import type { NetworkCounts } from './counts.js';
import type { StudyNetwork } from './networks.js';
import type { LayerOperands } from './operands.js';

/**
 * What the study needs from bit-accurate integer inference, in one small interface, so that
 * every section is written once against it: quantize a network at a bit width, count correct
 * predictions (optionally with narrower accumulators that wrap or saturate), read the integer
 * operands of a layer, and count every operation of one inference exactly.
 */
export type AccumulatorOverflow = AccumulatorOverflowName;

export interface AccumulatorSetting {
  /** Accumulator width of every body (adder, multiply or binary) layer. */
  readonly bits: number;
  readonly overflow: AccumulatorOverflow;
}

export interface QuantizedNetwork {
  readonly network: StudyNetwork;
  readonly bits: number;
  /** Correct top-1 predictions over the first `images` images of the test set. */
  correct(images: number, accumulator?: AccumulatorSetting): Promise<number>;
  /** The narrowest accumulator width of the body layers that can never overflow. */
  readonly fullAccumulatorBits: number;
  /** The narrowest accumulator the body layers accept: as wide as one addend. */
  readonly minAccumulatorBits: number;
  /** Integer activations (per image) and weights of a conv or linear layer. */
  operands(layer: string, images: readonly number[]): LayerOperands;
  /** Exact counts of one inference, per node. */
  counts(): NetworkCounts;
  /**
   * The gate-level backend on the given test images: whether its predictions equal the
   * functional backend's, and the simulated datapaths' energy per inference on a cell table.
   */
  gateLevel(images: readonly number[], table: AsicCellTable): Promise<GateLevelSample>;
}

export interface GateLevelSample {
  readonly images: number;
  /** Images whose gate-level prediction differs from the functional one. */
  readonly mismatches: number;
  /** Energy per inference of every simulated netlist, pJ (zero-delay toggles). */
  readonly energyPj: number;
  /** What the gate-level energy leaves out (comparisons, memory). */
  readonly notPriced: readonly string[];
}

/**
 * How BatchNorm + activation + requantization run after an accumulator: the engine's default
 * (`multiply-shift`, a b-bit multiply and an add per element, as the operation budget counts
 * it) or multiplier-free `thresholds` (comparisons against per-channel integer thresholds).
 */
export type Requantization = 'multiply-shift' | 'thresholds';

export interface QuantizedEngine {
  readonly backend: Backend;
  /** A one-line description of the quantization scheme, for the report's notes. */
  readonly scheme: string;
  quantize(
    network: StudyNetwork,
    bits: number,
    test: Dataset,
    requantization?: Requantization,
  ): QuantizedNetwork;
}
