import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { ADDERS, type AdderArch } from '../adders/index.js';
import { checkOperandWidth } from '../width.js';
import type { AbsDiffFn } from './types.js';
import { dualSubMux, onesComplement, subNegate } from './variants.js';

export type { AbsDiffFn } from './types.js';

/** The |x − y| variants; costs are stated in variants.ts. 'ones-complement' defers a +1. */
export const ABSDIFF_VARIANTS = ['sub-negate', 'dual-sub-mux', 'ones-complement'] as const;
export type AbsDiffVariant = (typeof ABSDIFF_VARIANTS)[number];

export const ABSDIFFS: Readonly<Record<AbsDiffVariant, AbsDiffFn>> = {
  'sub-negate': subNegate,
  'dual-sub-mux': dualSubMux,
  'ones-complement': onesComplement,
};

/** Variants whose `diff` is |x − y| itself (`plusOne` is the constant 0). */
export function isExactAbsDiff(variant: AbsDiffVariant): boolean {
  return variant !== 'ones-complement';
}

/**
 * A stand-alone |a − b| netlist: inputs `a`, `b` (width bits, `signed` as given); output `diff`
 * (width bits, unsigned), plus `plus_one` (1 bit) for the folded 'ones-complement' variant.
 * Name `absdiff-<variant>-<adder>-<width>[-signed]`.
 */
export function buildAbsDiff(
  variant: AbsDiffVariant,
  width: number,
  options: { signed: boolean; adder: AdderArch },
): Netlist {
  checkOperandWidth('|a-b|', width);
  const { signed, adder } = options;
  const b = new NetlistBuilder(`absdiff-${variant}-${adder}-${width}${signed ? '-signed' : ''}`, {
    op: 'absdiff',
    variant,
    adder,
    width,
    signed,
  });
  const x = b.input('a', width, { signed, doc: 'minuend' });
  const y = b.input('b', width, { signed, doc: 'subtrahend' });
  const { diff, plusOne } = ABSDIFFS[variant](b, x, y, { signed, adder: ADDERS[adder] });
  if (isExactAbsDiff(variant)) {
    b.output('diff', diff, { doc: '|a - b|, unsigned' });
  } else {
    b.output('diff', diff, { doc: '|a - b| - plus_one, unsigned' });
    b.output('plus_one', [plusOne], { doc: 'deferred +1: diff + plus_one = |a - b|' });
  }
  return b.build();
}
