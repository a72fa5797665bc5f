import { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net, Netlist } from '../../ir/netlist.js';
import { ADDER_ARCHS, ADDERS, type AdderArch } from '../adders/index.js';
import type { AdderFn } from '../adders/types.js';
import { arrayMultiplier } from './array.js';
import { checkChoice, checkWidth } from './check.js';
import { treeMultiplier } from './tree.js';

/**
 * Multiplier registry: n×n → 2n-bit full-width products, unsigned or two's complement.
 *
 * | arch          | partial products          | reduction        |
 * |---------------|---------------------------|------------------|
 * | array         | AND array (Baugh-Wooley)  | carry-save array |
 * | wallace       | AND array (Baugh-Wooley)  | Wallace tree     |
 * | dadda         | AND array (Baugh-Wooley)  | Dadda tree       |
 * | booth-wallace | radix-4 Booth             | Wallace tree     |
 * | booth-dadda   | radix-4 Booth             | Dadda tree       |
 *
 * Every arch ends in one carry-propagate adder, the `adder` parameter (ripple-carry by default).
 */
export const MULTIPLIER_ARCHS = [
  'array',
  'wallace',
  'dadda',
  'booth-wallace',
  'booth-dadda',
] as const;
export type MultiplierArch = (typeof MULTIPLIER_ARCHS)[number];

/** Multiplies two equal-width buses inside a builder; returns the 2n-bit product, LSB first. */
export type MultiplierFn = (
  b: NetlistBuilder,
  a: Bus,
  x: Bus,
  options: { signed: boolean; adder?: AdderFn },
) => Net[];

export const MULTIPLIERS: Readonly<Record<MultiplierArch, MultiplierFn>> = {
  array: (b, a, x, o) => arrayMultiplier(b, a, x, o.signed, o.adder),
  wallace: (b, a, x, o) => treeMultiplier(b, a, x, { ...o, booth: false, reduction: 'wallace' }),
  dadda: (b, a, x, o) => treeMultiplier(b, a, x, { ...o, booth: false, reduction: 'dadda' }),
  'booth-wallace': (b, a, x, o) =>
    treeMultiplier(b, a, x, { ...o, booth: true, reduction: 'wallace' }),
  'booth-dadda': (b, a, x, o) => treeMultiplier(b, a, x, { ...o, booth: true, reduction: 'dadda' }),
};

/** Widest operand a multiplier netlist is built for (a 256×256 array has 65,536 AND gates). */
export const MAX_MULTIPLIER_WIDTH = 256;

export interface MultiplierNetlistOptions {
  /** Operand width n, 1..256; the product has 2n bits. */
  readonly width: number;
  /**
   * Default 'array', the textbook baseline: with Dadda the fewest cells when fa and ha count
   * as one; Booth has the fewest primitive gates from 16 bits, the trees the least depth.
   */
  readonly arch?: MultiplierArch;
  /** Two's complement operands and product; default false. */
  readonly signed?: boolean;
  /** Final carry-propagate adder; default 'ripple-carry'. */
  readonly adder?: AdderArch;
}

/** A standalone multiplier netlist: inputs `a`, `b` (n bits) → output `product` (2n bits). */
export function buildMultiplier(options: MultiplierNetlistOptions): Netlist {
  const { width, arch = 'array', signed = false, adder = 'ripple-carry' } = options;
  checkWidth('multiplier width', width, 1, MAX_MULTIPLIER_WIDTH);
  checkChoice('multiplier arch', arch, MULTIPLIER_ARCHS);
  checkChoice('adder arch', adder, ADDER_ARCHS);
  const reading = signed ? "two's complement" : 'unsigned';
  const b = new NetlistBuilder(`mul_${arch.replaceAll('-', '_')}_${width}${signed ? 's' : 'u'}`, {
    op: 'mul',
    arch,
    width,
    signed,
    adder,
  });
  const a = b.input('a', width, { signed, doc: `multiplicand, ${width} bits ${reading}` });
  const x = b.input('b', width, { signed, doc: `multiplier, ${width} bits ${reading}` });
  const product = MULTIPLIERS[arch](b, a, x, { signed, adder: ADDERS[adder] });
  b.output('product', product, { signed, doc: `a·b, full width ${2 * width} bits ${reading}` });
  return b.build();
}
