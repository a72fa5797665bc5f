import { InputError, show } from '../errors.js';
import { checkLayerWork, type LayerWork, layerTaps } from './layer-work.js';

/**
 * Cycles of one layer on an R x C systolic PE array, by the fold formulas of SCALE-Sim
 * (Samajdar et al., arXiv 1811.02883). The layer's GEMM dimensions map onto the array as:
 *
 * | dataflow            | rows (S_R) | columns (S_C) | streamed in time (T) |
 * |---------------------|------------|---------------|----------------------|
 * | output stationary   | M          | N             | K                    |
 * | weight stationary   | K          | N             | M                    |
 * | input stationary    | K          | M             | N                    |
 *
 * folds = ceil(S_R / R) * ceil(S_C / C); cycles = folds * cycles per fold, with no overlap
 * between folds; utilisation = M*N*K / (cycles * R * C).
 *
 * Convention `paper` (the default): 2R + C + T - 2 cycles per fold for every dataflow: R cycles
 * to load the stationary operand (or, for output stationary, to drain the results down the
 * columns), R + C - 2 of skew to fill and empty the array, T of streaming. We use it for output
 * stationary too because results do have to leave the array; SCALE-Sim v2/v3 code omits that
 * drain (R + C + T - 2), which upstream acknowledged as a bug.
 * Convention `scalesim-v2`: what SCALE-Sim v2 reports, to compare with its outputs: R + C + T - 2
 * per fold for output stationary, and the total reported as the index of the last cycle counted
 * from 0 (one less than the number of cycles).
 * Operand type and width do not enter: a one-cycle |x - w| + accumulate PE times like a MAC.
 */
export const DATAFLOWS = ['os', 'ws', 'is'] as const;
export type Dataflow = (typeof DATAFLOWS)[number];
export type FoldConvention = 'paper' | 'scalesim-v2';

export interface ArrayShape {
  readonly rows: number;
  readonly cols: number;
}

export interface PeArrayCycles {
  readonly layer: string;
  readonly dataflow: Dataflow;
  readonly convention: FoldConvention;
  readonly rows: number;
  readonly cols: number;
  /** S_R, S_C, T of the mapping table above. */
  readonly spatialRows: number;
  readonly spatialCols: number;
  readonly temporal: number;
  readonly rowFolds: number;
  readonly colFolds: number;
  readonly cyclesPerFold: number;
  readonly cycles: number;
  readonly taps: number;
  /** taps / (cycles * rows * cols), in [0, 1]. */
  readonly utilisation: number;
  readonly steps: readonly string[];
}

export function peArrayCycles(
  layer: LayerWork,
  array: ArrayShape,
  dataflow: Dataflow,
  convention: FoldConvention = 'paper',
): PeArrayCycles {
  checkLayerWork(layer);
  for (const field of ['rows', 'cols'] as const) {
    if (!Number.isSafeInteger(array[field]) || array[field] < 1) {
      throw new InputError(`array ${field} must be a positive integer, not ${show(array[field])}`);
    }
  }
  if (!(DATAFLOWS as readonly string[]).includes(dataflow)) {
    throw new InputError(`dataflow must be one of ${DATAFLOWS.join(', ')}, not ${show(dataflow)}`);
  }
  const { M, N, K } = layer;
  const [sr, sc, t] = dataflow === 'os' ? [M, N, K] : dataflow === 'ws' ? [K, N, M] : [K, M, N];
  const R = array.rows;
  const C = array.cols;
  const rowFolds = Math.ceil(sr / R);
  const colFolds = Math.ceil(sc / C);
  const drainless = convention === 'scalesim-v2' && dataflow === 'os';
  const cyclesPerFold = drainless ? R + C + t - 2 : 2 * R + C + t - 2;
  const counted = rowFolds * colFolds * cyclesPerFold;
  const cycles = convention === 'scalesim-v2' ? counted - 1 : counted;
  const taps = layerTaps(layer);
  const steps = [
    `${dataflow}: S_R=${sr}, S_C=${sc}, T=${t} on ${R}x${C}`,
    `folds = ceil(${sr}/${R}) * ceil(${sc}/${C}) = ${rowFolds} * ${colFolds}`,
    drainless
      ? `cycles per fold = R + C + T - 2 = ${cyclesPerFold} (SCALE-Sim v2 output stationary)`
      : `cycles per fold = 2R + C + T - 2 = ${cyclesPerFold}`,
  ];
  if (convention === 'scalesim-v2')
    steps.push('reported as the last cycle index, counted from 0 (SCALE-Sim v2)');
  return {
    layer: layer.name,
    dataflow,
    convention,
    rows: R,
    cols: C,
    spatialRows: sr,
    spatialCols: sc,
    temporal: t,
    rowFolds,
    colFolds,
    cyclesPerFold,
    cycles,
    taps,
    utilisation: taps / (cycles * R * C),
    steps,
  };
}

/** Parses `32x32` (rows x columns; the CLI's --array). */
export function parseArrayShape(text: string, flag = 'array'): ArrayShape {
  const m = /^(\d+)x(\d+)$/.exec(text.trim());
  const rows = m ? Number(m[1]) : 0;
  const cols = m ? Number(m[2]) : 0;
  if (!m || rows < 1 || cols < 1 || rows > 65536 || cols > 65536) {
    throw new InputError(
      `--${flag} must be ROWSxCOLS with each from 1 to 65536 (for example 32x32), not ${show(text)}`,
    );
  }
  return { rows, cols };
}
