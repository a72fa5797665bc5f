import type { LayerKind, Role, Variant } from '../nn/graph.js';
import type { AccOverflow, BnMode, ResolvedQuantOptions } from './options.js';

/**
 * The integer graph: a quantized network as plain data (typed arrays and numbers, so it can be
 * cloned into worker threads), one node per node of the float graph, in the same order and with
 * the same ids. Every node states its datapath formats; the engine's kernels read nothing else.
 *
 * Tensors are integer codes per image, optionally in several planes: an adder layer whose
 * output channels are split into G groups reads its input quantized G times, once per group
 * scale, so the tensors feeding it carry G planes (layout [plane][image][C·H·W]).
 *
 * | format  | value of a stored integer q                          | stored width |
 * |---------|------------------------------------------------------|--------------|
 * | codes   | q · scale[plane] (a b-bit code, signed or unsigned)  | b bits       |
 * | binary  | +1 when q = 1, −1 when q = 0 (sign with sign(0) = +1) | 1 bit        |
 * | acc     | accScale[o] · q + accOffset[o] (per output channel)  | accumulator  |
 */
export type TensorFormat = CodesFormat | BinaryFormat | AccFormat;

export interface CodesFormat {
  readonly kind: 'codes';
  readonly bits: number;
  readonly signed: boolean;
  readonly planes: number;
  /** Real value of one code step, per plane. */
  readonly scales: readonly number[];
}
export interface BinaryFormat {
  readonly kind: 'binary';
}
export interface AccFormat {
  readonly kind: 'acc';
  readonly bits: number;
  readonly signed: boolean;
}

/** Stored width of one value of a format. */
export function storedBits(f: TensorFormat): number {
  return f.kind === 'binary' ? 1 : f.bits;
}

/** Planes of a format (1 unless a grouped adder layer reads it). */
export function planesOf(f: TensorFormat): number {
  return f.kind === 'codes' ? f.planes : 1;
}

interface NodeBase {
  readonly id: string;
  /** The node this node reads (null for the input). */
  readonly input: string | null;
  /** Output shape per image and plane: [C, H, W] or [F]. */
  readonly shape: readonly number[];
  readonly format: TensorFormat;
}

/** The image, quantized to the stem's input format through a per-byte lookup table. */
export interface InputNode extends NodeBase {
  readonly op: 'input';
  /** code = table[(plane·C + channel)·256 + byte]. */
  readonly table: Int32Array;
}

/** A convolution or linear layer on integer operands; its output is the raw accumulator. */
export interface WeightNode extends NodeBase {
  readonly op: 'weight';
  readonly layer: 'conv' | 'linear';
  readonly kind: LayerKind;
  readonly role: Role;
  readonly inShape: readonly number[];
  readonly conv: {
    readonly kernel: number;
    readonly stride: number;
    readonly padding: number;
  } | null;
  /** N output channels, K taps per output (C·k² or F), P output pixels per channel (1 for linear). */
  readonly outChannels: number;
  readonly taps: number;
  readonly pixels: number;
  /** Operand width b (1 for binary layers) and signedness of x and w. */
  readonly operandBits: number;
  readonly operandSigned: boolean;
  /** Width of x − w before the absolute value (adder layers: b + 1), else null. */
  readonly diffBits: number | null;
  /** [N, K] codes (binary layers: 1 = +1, 0 = −1). */
  readonly weights: Int32Array;
  /** Input plane each output channel reads (its group). */
  readonly channelPlane: Int32Array;
  readonly accBits: number;
  /** The width that can never overflow for this layer. */
  readonly naturalAccBits: number;
  readonly accSigned: boolean;
  readonly overflow: AccOverflow;
  /** Real output: y[o] = accScale[o]·acc + accOffset[o] (includes the lossless-clamp constant). */
  readonly accScale: Float64Array;
  readonly accOffset: Float64Array;
}

/**
 * BatchNorm + (activation) + requantization, per plane p and channel o, from the real map
 * v = slope[p,o]·acc + offset[p,o] in output code units (see requant.ts for both modes).
 */
export interface BnNode extends NodeBase {
  readonly op: 'bn';
  readonly mode: BnMode;
  readonly channels: number;
  readonly inBits: number;
  readonly inSigned: boolean;
  /** Output code range per plane (binary outputs: 0..1). */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** multiply-shift: code = clamp(floor((acc·M + B) / 2^S), lo, hi); M is mulBits wide. */
  readonly mulBits: number;
  readonly addBits: number;
  readonly multiplier: Float64Array;
  readonly addend: Float64Array;
  readonly shift: Int32Array;
  /**
   * thresholds: code = lo + (number of thresholds crossed); per (plane, channel) `levels − 1`
   * thresholds, crossed when acc ≥ T (direction +1) or acc ≤ T (direction −1).
   */
  readonly levels: Int32Array;
  /** All thresholds; those of (plane p, channel o) start at thresholdStart[p·N + o]. */
  readonly thresholds: Float64Array;
  readonly thresholdStart: Int32Array;
  readonly direction: Int8Array;
  /** The real map v = slope·acc + offset per (plane, channel), in output code units. */
  readonly slope: Float64Array;
  readonly offset: Float64Array;
}

/** max(x, 0). `fused`: the BatchNorm thresholds already clamp; nothing runs. */
export interface ReluNode extends NodeBase {
  readonly op: 'relu';
  readonly fused: boolean;
  /** Stored width of the input. */
  readonly inBits: number;
}

/** clamp(x, −c, c) with c the code of 1.0 per plane; with `binarize`, only the sign is kept. */
export interface HardtanhNode extends NodeBase {
  readonly op: 'hardtanh';
  readonly fused: boolean;
  readonly clip: Int32Array;
  readonly binarize: boolean;
  readonly inBits: number;
}

/** Max pooling (over binary values: OR); with `binarize`, the sign of each maximum is kept. */
export interface MaxpoolNode extends NodeBase {
  readonly op: 'maxpool';
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly binarize: boolean;
  readonly inBits: number;
}

export interface FlattenNode extends NodeBase {
  readonly op: 'flatten';
}

/** One branch's alignment to the sum's scale: floor((x·M + B) / 2^S), M `mulBits` wide. */
export interface AlignStep {
  readonly multiplier: number;
  readonly addend: number;
  readonly shift: number;
  /** Width of the adder that adds B (x's width + mulBits: the budget's multiply-shift rule). */
  readonly addBits: number;
}

/**
 * Residual add of two single-plane codes tensors into the output's codes (scale s):
 *   out = clamp(a' + b', lo, hi),  a' = a when a is already in s (a BatchNorm that quantized
 *   straight to it), else its AlignStep.
 * Cost per element: one add at the wider input width, and per aligned branch one mul
 * (width × mulBits) and one add (addBits).
 */
export interface AddNode extends NodeBase {
  readonly op: 'add';
  /** The second input (`input` is the first). */
  readonly second: string;
  readonly inBits: readonly [number, number];
  readonly mulBits: number;
  readonly align: readonly [AlignStep | null, AlignStep | null];
  readonly lo: number;
  readonly hi: number;
}

/**
 * Average pooling (global: the whole plane) on single-plane codes, padded taps reading 0 and the
 * divisor the full window (PyTorch's count_include_pad): sum the window in a `sumBits` register,
 * then out = clamp(floor(sum·M / 2^S), lo, hi), M ≈ s_in / (window · s_out) · 2^S a
 * `mulBits`-wide multiplier. The mean's rounding is truncation (TRN), so the requantization is
 * one multiply and a shift: no addend.
 */
export interface AvgpoolNode extends NodeBase {
  readonly op: 'avgpool';
  readonly kernelH: number;
  readonly kernelW: number;
  readonly stride: number;
  readonly padding: number;
  readonly inBits: number;
  readonly sumBits: number;
  readonly mulBits: number;
  readonly multiplier: number;
  readonly shift: number;
  readonly lo: number;
  readonly hi: number;
}

export type IntNode =
  | InputNode
  | WeightNode
  | BnNode
  | ReluNode
  | HardtanhNode
  | MaxpoolNode
  | AddNode
  | AvgpoolNode
  | FlattenNode;

export interface IntegerGraph {
  readonly name: string;
  readonly variant: Variant;
  readonly dataset: string;
  readonly options: ResolvedQuantOptions;
  readonly nodes: readonly IntNode[];
  /** Per weight layer: the calibrated input range (quantile of |x|) its scale comes from. */
  readonly ranges: Readonly<Record<string, number>>;
  /** Dataset normalisation the input table was built with. */
  readonly mean: readonly number[];
  readonly std: readonly number[];
}
