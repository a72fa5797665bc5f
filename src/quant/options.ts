import { ACCUMULATOR_OVERFLOW_NAMES, type AccumulatorOverflowName } from '../bits/modes.js';
import { InputError, show } from '../errors.js';

/**
 * Options of post-training quantization, with their defaults and bounds in one place. Every
 * public entry point resolves them here, so a bad value gets the same message everywhere:
 * "bits must be an integer from 2 to 16, not 1".
 */

/**
 * How BatchNorm + activation + requantization run after an accumulator:
 * - `multiply-shift`: code = clamp((acc·M + B) >> S), one b-bit multiply and one add per
 *   element (the rounding half-LSB is folded into B offline, so rounding costs nothing); the
 *   activation that follows is its own comparison. This is the budget's BatchNorm convention.
 * - `thresholds`: code = the number of per-channel integer thresholds acc has crossed, found by
 *   binary search (ceil(log2 levels) comparisons per element); multiplier-free, and the
 *   activation's clamp is part of the thresholds (no separate comparison).
 */
export const BN_MODES = ['multiply-shift', 'thresholds'] as const;
export type BnMode = (typeof BN_MODES)[number];

/**
 * The default everywhere (infer, sweep, report, the library): multiply-shift, the operation
 * budget's convention, so measured counts equal the analytic budget node by node. The report
 * also shows thresholds next to it, labelled.
 */
export const DEFAULT_BN_MODE: BnMode = 'multiply-shift';

/**
 * What an accumulator does when a partial sum leaves its range: ac_fixed WRAP or SAT, in the
 * lowercase spelling bits/modes.ts derives from its one list.
 */
export const ACC_OVERFLOW_MODES = ACCUMULATOR_OVERFLOW_NAMES;
export type AccOverflow = AccumulatorOverflowName;

export const MIN_QUANT_BITS = 2;
export const MAX_QUANT_BITS = 16;
export const MAX_GROUPS = 64;
export const DEFAULT_QUANTILE = 0.9999;
export const DEFAULT_CALIBRATION_IMAGES = 1000;

export interface QuantOptions {
  /** Width of activations and weights of multiply and adder layers, 2..16; default 8. */
  readonly bits?: number;
  /**
   * Default 'multiply-shift' (DEFAULT_BN_MODE), with its b-bit multiplier: the operation budget's
   * convention; at 4 bits it costs AdderNet most of its accuracy (the accumulator's large common
   * offset amplifies the multiplier's rounding). 'thresholds': exact integer thresholds and no
   * multiplier.
   */
  readonly bn?: BnMode;
  /**
   * Accumulator width of the body layers (the adder, binary or CNN multiply layers the three
   * variants differ in): each gets min(its overflow-free width, accBits). Default: the
   * overflow-free width (no overflow can happen). Stem and classifier keep their full width.
   */
  readonly accBits?: number;
  /** Default 'wrap' (a plain two's-complement register). */
  readonly overflow?: AccOverflow;
  /** Adder layers: output-channel groups, each with its own shared scale (k-means on max|w|); default 1. */
  readonly groups?: number;
  /** Activation outlier clamp: ranges are this quantile of |x| on the calibration images; default 0.9999. */
  readonly quantile?: number;
  /** Calibration images, taken from the end of the training set; default 1000. */
  readonly calibrationImages?: number;
}

export interface ResolvedQuantOptions {
  readonly bits: number;
  readonly bn: BnMode;
  readonly accBits: number | null;
  readonly overflow: AccOverflow;
  readonly groups: number;
  readonly quantile: number;
  readonly calibrationImages: number;
}

function checkInt(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${name} must be an integer from ${min} to ${max}, not ${show(value)}`);
  }
  return value;
}

function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new InputError(`${name} must be one of ${choices.join(', ')}, not ${show(value)}`);
  }
  return value as T;
}

export function resolveQuantOptions(options: QuantOptions = {}): ResolvedQuantOptions {
  const quantile = options.quantile ?? DEFAULT_QUANTILE;
  if (typeof quantile !== 'number' || !(quantile > 0.5 && quantile <= 1)) {
    throw new InputError(`quantile must be a number in (0.5, 1], not ${show(quantile)}`);
  }
  return {
    bits: checkInt('bits', options.bits ?? 8, MIN_QUANT_BITS, MAX_QUANT_BITS),
    bn: checkChoice('bn', options.bn ?? DEFAULT_BN_MODE, BN_MODES),
    accBits: options.accBits === undefined ? null : checkInt('accBits', options.accBits, 1, 64),
    overflow: checkChoice('overflow', options.overflow ?? 'wrap', ACC_OVERFLOW_MODES),
    groups: checkInt('groups', options.groups ?? 1, 1, MAX_GROUPS),
    quantile,
    calibrationImages: checkInt(
      'calibrationImages',
      options.calibrationImages ?? DEFAULT_CALIBRATION_IMAGES,
      1,
      60_000,
    ),
  };
}
