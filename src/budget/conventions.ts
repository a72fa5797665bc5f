import { InputError, show } from '../errors.js';
import type { Variant } from '../nn/graph.js';

/**
 * Options of an operation budget and the counting conventions, stated once, in words, so that
 * every JSON budget carries them (`conventions`) and a reader can re-derive any count.
 */

export interface BudgetOptions {
  /**
   * Width of activations and weights of multiply and adder layers, and of stored activations
   * (binary layers use 1 bit). Default 8; an integer from 2 to 32.
   */
  readonly bits?: number;
}

export const DEFAULT_BITS = 8;
export const MIN_BITS = 2;
export const MAX_BITS = 32;

export interface ResolvedBudgetOptions {
  readonly bits: number;
}

export function resolveBudgetOptions(options: BudgetOptions = {}): ResolvedBudgetOptions {
  const bits = options.bits ?? DEFAULT_BITS;
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
    throw new InputError(
      `budget bits must be an integer from ${MIN_BITS} to ${MAX_BITS}, not ${show(bits)}`,
    );
  }
  return { bits };
}

/**
 * The rules every count follows, keyed by topic. `b` is the operand width (`bits`), K the taps
 * per output (C_in·kernel² or input features), M·N the outputs of a weight layer, E the
 * elements of a tensor.
 */
export function budgetConventions(bits: number): Record<string, string> {
  return {
    bits: `b = ${bits}: activations and weights of multiply and adder layers and stored activations are b-bit two's complement; binary layers use 1-bit weights and activations.`,
    paper:
      'paperMul/paperAdd/paperXnor follow the AdderNet paper (Chen et al., CVPR 2020, Tables 1-2): per tap of every conv and linear layer, CNN = 1 mul + 1 add, AdderNet = 2 adds, BNN = 1 XNOR + 1 add. The stem and the classifier are counted with the variant rule although they stay multiply layers; BatchNorm, pooling, activations and residual adds are not counted.',
    taps: 'A conv layer has M·N·K taps, M = H_out·W_out, N = output channels, K = C_in·kernel²; a linear layer has N·K (M = 1). Zero-padded taps are computed and counted, as in the official AdderNet code (unfold with zero padding; a padded tap of an adder layer costs |0 − w|); paddedTaps reports how many of the taps read padding.',
    multiplyTap:
      'multiply layer: per tap 1 mul (b×b) + 1 add at the accumulator width; the accumulator starts at zero, so K adds per output. Accumulator: signed 2b + floor(log2 K) bits (largest sum K·2^(2b−2)).',
    adderTap:
      'adder layer: per tap 1 sub (b-bit operands) + 1 abs (of the (b+1)-bit difference) + 1 add at the accumulator width. The sum Σ|x − w| is kept unsigned and the minus sign of Y = −Σ|x − w| is folded into the BatchNorm scale that follows. Accumulator: bitLength(K·(2^b − 1)) bits.',
    binaryTap:
      "binary layer: per tap 1 xnor of 1-bit operands; per output 1 popcount:K, the population count of the K XNOR bits of its window. popcount = popcount additions = one per bit counted (= taps, the paper's one add per tap); popcountWords = population counts performed (one per output). Popcount width bitLength(K); the affine map 2·popcount − K is folded into the BatchNorm that follows.",
    bias: 'A bias is 1 add per output at the accumulator width (bias stored in the accumulator format).',
    batchnorm:
      'BatchNorm at inference, per element: 1 mul of the input (its stored width) by a b-bit per-channel scale + 1 add of a per-channel offset at (input width + b) bits; the result is requantized to b bits by a shift (not counted). bn = elements normalized. Parameters: γ and β, 2 per channel.',
    activations:
      'relu: 1 cmp per element. hardtanh (the BNN replacement of relu): 2 cmp per element (clip to [−1, 1]), or 1 cmp when its output is binarized.',
    binarize:
      'BNN activations: a tensor read only by binary layers is stored as its sign (1 bit): its producer spends 1 cmp per element. A binary layer reading a tensor that other layers also read takes the sign on the fly: 1 cmp per element it reads.',
    pooling:
      'maxpool: (valid window positions − 1) cmp per output; padded positions are skipped, as PyTorch does. avgpool and global average pool: (valid positions − 1) adds per output at (input width + ceil(log2 window)) bits, then 1 mul by the b-bit constant 1/window; the mean is stored at b bits.',
    residual:
      "Residual add: 1 add per element at the wider input width, the sum saturated back to b bits (not counted). A branch that is not a BatchNorm read by the add alone (an identity shortcut) carries another scale and is aligned first as BatchNorm requantizes: 1 mul (its width × b) + 1 add at (its width + b) bits per element; a BatchNorm branch requantizes straight to the sum's scale.",
    widths:
      'Stored widths: the input image, BatchNorm, pooling-mean and residual-add outputs are b bits; conv/linear outputs are at their accumulator width; relu, hardtanh and maxpool keep their input width; binarized tensors are 1 bit; flatten is a view.',
    memory:
      'Memory (sram-read / sram-write, counted in values and in bits): an unfused layer-by-layer schedule with perfect on-chip reuse. Every node except input and flatten reads each element of each input once and writes each output element once; each weight (b bits, binary 1 bit), bias (accumulator width) and BatchNorm scale (b bits) and offset (input width + b bits) is read once per inference.',
    params:
      'params = conv/linear weights + biases + BatchNorm γ and β (what PyTorch reports as parameters); BatchNorm running statistics are buffers, not counted.',
    groups:
      'groups splits the explicit counts: body (adder/binary layers of AdderNet/BNN, the same layers as multiply layers in the CNN), stemAndClassifier (the first and last weight layers, multiply layers in every variant), batchnorm, other (activations, pooling, residual adds, sign).',
  };
}

/** The AdderNet paper's counts of a weight layer (the `paper` convention above). */
export interface PaperCounts {
  readonly mul: number;
  readonly add: number;
  readonly xnor: number;
}

/** The paper's rule for `taps` taps of one variant: CNN 1 mul + 1 add, AdderNet 2 adds, BNN 1 XNOR + 1 add. */
export function paperCounts(variant: Variant, taps: number): PaperCounts {
  if (variant === 'cnn') return { mul: taps, add: taps, xnor: 0 };
  if (variant === 'addernet') return { mul: 0, add: 2 * taps, xnor: 0 };
  return { mul: 0, add: taps, xnor: taps };
}
