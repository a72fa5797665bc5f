import type { AsicCellTable } from '../cost/table-types.js';
import type { NetworkResult } from '../pipeline/measure.js';
import type { AccOverflow, BnMode } from '../quant/options.js';
import type { StudyNetwork } from './networks.js';
import type { LayerOperands } from './operands.js';
import type { Backend } from './results.js';

/**
 * What the study needs from bit-accurate integer inference, in one small interface, so that
 * every section is written once against it: quantize a network at a bit width, count correct
 * predictions (optionally with narrower accumulators that wrap or saturate), read the integer
 * operands of a layer, and the counted, priced result of the one pipeline (src/pipeline).
 */
export interface AccumulatorSetting {
  /** Accumulator width of every body (adder, multiply or binary) layer. */
  readonly bits: number;
  readonly overflow: AccOverflow;
}

export interface QuantizedNetwork {
  readonly network: StudyNetwork;
  readonly bits: number;
  /** Correct top-1 predictions over the first `images` images of the test set. */
  correct(images: number, accumulator?: AccumulatorSetting): Promise<number>;
  /**
   * The pipeline's result over the first `images` test images, priced on every study table:
   * the same value `addersim infer` prints for the same options.
   */
  measured(images: number): Promise<NetworkResult>;
  /** The narrowest accumulator width of the body layers that can never overflow. */
  readonly fullAccumulatorBits: number;
  /** The narrowest accumulator the body layers accept: as wide as one addend. */
  readonly minAccumulatorBits: number;
  /** Integer activations (per image) and weights of a conv or linear layer. */
  operands(layer: string, images: readonly number[]): LayerOperands;
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
  /**
   * Energy per inference of every simulated netlist, pJ, or null: timing-aware (measured
   * zero-delay toggles x each netlist's glitch factor, cost/glitch.ts).
   */
  readonly energyPj: number | null;
  /** The same from the measured zero-delay toggles alone (no glitches). */
  readonly zeroDelayPj: number | null;
  /** What the gate-level energy leaves out (comparisons, memory). */
  readonly notPriced: readonly string[];
}

export interface QuantizedEngine {
  readonly backend: Backend;
  /** A one-line description of the quantization scheme, for the report's notes. */
  readonly scheme: string;
  quantize(network: StudyNetwork, bits: number, bn?: BnMode): QuantizedNetwork;
}
