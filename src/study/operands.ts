/**
 * The additions an adder layer's accumulator performs, as operand vectors for a gate-level
 * simulation: for every output (image, filter, output pixel) of the layer, in that order, the
 * accumulator starts at 0 and adds |x − w| tap by tap over the window (channel, then kernel
 * row, then kernel column); each addition is one vector (running sum, addend). Zero-padded taps
 * add |0 − w|, as the official AdderNet code computes them.
 *
 * Cost: K vectors per output; LeNet-5's conv2 gives 16·10·10·150 = 240,000 per image.
 */
export interface AccumulatorStream {
  /** Adder width: the layer's accumulator width, which never overflows. */
  readonly width: number;
  /** Running sum before each addition (unsigned, < 2^width). */
  readonly sums: Int32Array;
  /** The |x − w| added. */
  readonly addends: Int32Array;
  /** Where the operands came from, for the report. */
  readonly description: string;
}

/** Integer operands of one weight layer of a quantized network. */
export interface LayerOperands {
  readonly layer: string;
  /** Input activations per image, [C, H, W] row-major (a linear layer: [F], H = W = 1). */
  readonly inputs: readonly Int32Array[];
  readonly inShape: readonly [number, number, number];
  /** Weights [N, C, k, k] row-major (a linear layer: [N, F], k = 1). */
  readonly weights: Int32Array;
  readonly outChannels: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
}

export function accumulatorStream(
  op: LayerOperands,
  width: number,
  description: string,
): AccumulatorStream {
  if (width > 31) throw new RangeError(`accumulator width must be at most 31, not ${width}`);
  const [C, H, W] = op.inShape;
  const { kernel: k, stride, padding, outChannels: N } = op;
  const outH = Math.floor((H + 2 * padding - k) / stride) + 1;
  const outW = Math.floor((W + 2 * padding - k) / stride) + 1;
  const taps = C * k * k;
  const total = op.inputs.length * N * outH * outW * taps;
  const sums = new Int32Array(total);
  const addends = new Int32Array(total);
  const limit = 2 ** width;
  let at = 0;
  for (const x of op.inputs) {
    for (let n = 0; n < N; n++) {
      for (let oy = 0; oy < outH; oy++) {
        for (let ox = 0; ox < outW; ox++) {
          let acc = 0;
          for (let c = 0; c < C; c++) {
            for (let ky = 0; ky < k; ky++) {
              const iy = oy * stride + ky - padding;
              for (let kx = 0; kx < k; kx++) {
                const ix = ox * stride + kx - padding;
                const inside = iy >= 0 && iy < H && ix >= 0 && ix < W;
                const xv = inside ? x[(c * H + iy) * W + ix] : 0;
                const d = Math.abs(xv - op.weights[((n * C + c) * k + ky) * k + kx]);
                sums[at] = acc;
                addends[at] = d;
                acc += d;
                at++;
              }
            }
          }
          if (acc >= limit) {
            throw new RangeError(
              `${op.layer}: a sum of ${acc} overflows the ${width}-bit accumulator the layer was sized for`,
            );
          }
        }
      }
    }
  }
  return { width, sums, addends, description };
}
