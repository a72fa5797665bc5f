import { InputError, show } from '../errors.js';

/**
 * One layer as a GEMM, the input of every cycle model (the engine and the budget counters
 * produce these). A convolution with P output pixels, F filters and an R x S x C window is
 * M = P, N = F, K = R*S*C; it performs M*N*K taps.
 */
export interface LayerWork {
  name: string;
  /** adder: |x - w| accumulate; multiply: x * w accumulate; binary: XNOR-popcount. */
  kind: 'adder' | 'multiply' | 'binary';
  /** Output pixels. */
  M: number;
  /** Filters. */
  N: number;
  /** Window taps R*S*C. */
  K: number;
  /** Width of x and w (1 for binary layers). */
  operandBits: number;
  /** Width of the accumulator. */
  accBits: number;
  /**
   * Elements of the layer's input tensor (each read M*K/inputElements times by the window):
   * the activation working set of memory pricing. Absent (a --work string), the input is
   * taken as its im2col matrix, M*K elements, an upper bound.
   */
  inputElements?: number;
}

export const LAYER_KINDS = ['adder', 'multiply', 'binary'] as const;

/** Checks a layer where it enters a model; messages name the layer and the field. */
export function checkLayerWork(layer: LayerWork): void {
  if (!(LAYER_KINDS as readonly string[]).includes(layer.kind)) {
    throw new InputError(
      `layer ${layer.name}: kind must be one of ${LAYER_KINDS.join(', ')}, not ${show(layer.kind)}`,
    );
  }
  for (const field of ['M', 'N', 'K', 'operandBits', 'accBits'] as const) {
    const v = layer[field];
    if (!Number.isSafeInteger(v) || v < 1) {
      throw new InputError(
        `layer ${layer.name}: ${field} must be a positive integer, not ${show(v)}`,
      );
    }
  }
  const e = layer.inputElements;
  if (e !== undefined && !(Number.isSafeInteger(e) && e >= 1)) {
    throw new InputError(
      `layer ${layer.name}: inputElements must be a positive integer, not ${show(e)}`,
    );
  }
}

/** Taps (multiply-accumulates, |x-w| accumulates or XNOR-popcount bits) of a layer: M*N*K. */
export function layerTaps(layer: LayerWork): number {
  return layer.M * layer.N * layer.K;
}

/**
 * Parses `adder:3025x96x363` or `conv1=adder:3025x96x363:8:32` (the CLI's --work): an optional
 * name, the kind, M x N x K, then optional operand and accumulator widths (defaults: 8 bits,
 * 1 for binary, and 32). `flag` names the flag in errors.
 */
export function parseLayerWork(text: string, flag = 'work'): LayerWork[] {
  return text.split(',').map((raw, i) => {
    const item = raw.trim();
    const m = /^(?:([A-Za-z0-9_.-]+)=)?([a-z]+):(\d+)x(\d+)x(\d+)(?::(\d+))?(?::(\d+))?$/.exec(
      item,
    );
    if (!m) {
      throw new InputError(
        `--${flag} must be a comma-separated list of [name=]kind:MxNxK[:operandBits[:accBits]] (for example adder:3025x96x363), not ${show(item)}`,
      );
    }
    const kind = m[2] as LayerWork['kind'];
    if (!(LAYER_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(
        `--${flag} kind must be one of ${LAYER_KINDS.join(', ')}, not ${show(m[2])}`,
      );
    }
    const layer: LayerWork = {
      name: m[1] ?? `layer${i + 1}`,
      kind,
      M: Number(m[3]),
      N: Number(m[4]),
      K: Number(m[5]),
      operandBits: m[6] === undefined ? (kind === 'binary' ? 1 : 8) : Number(m[6]),
      accBits: m[7] === undefined ? 32 : Number(m[7]),
    };
    checkLayerWork(layer);
    return layer;
  });
}
