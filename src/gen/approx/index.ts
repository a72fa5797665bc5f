import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { type AdderArch, ADDERS as EXACT_ADDERS } from '../adders/index.js';
import { almostCorrect } from './almost-correct.js';
import type { ParamArch } from './arch.js';
import { errorTolerantI } from './error-tolerant.js';
import { lowerPartOr } from './lower-or.js';
import { truncatedAdder } from './truncated-adder.js';
import { truncatedMultiplier } from './truncated-multiplier.js';
import type { ApproxAdderFn } from './types.js';

export { type ParamArch, parseParamArch, resolveArch } from './arch.js';

/**
 * Approximate arithmetic generators, chosen as `NAME:PARAM` (`--arch loa:4`): the parameter is
 * part of the architecture's name everywhere (flags, netlist params, reports).
 *
 * | arch      | circuit                                   | parameter                        |
 * |-----------|-------------------------------------------|----------------------------------|
 * | loa:K     | lower-part-OR adder (Mahdiani 2010)       | K low bits OR-ed, 0..n           |
 * | trunc:K   | truncated adder                           | K low sum bits forced to 0, 0..n |
 * | eta1:K    | error-tolerant adder type I (Zhu 2009)    | K low bits carry-free, 0..n      |
 * | aca:W     | almost-correct adder (Verma 2008, GeAr)   | carry window W bits, 1..n        |
 * | trunc:K   | column-truncated multiplier (BAM-style)   | K low columns dropped, 0..n      |
 */
export const APPROX_ADDER_ARCHS: readonly ParamArch[] = [
  { name: 'loa', param: 'K', min: 0, describe: 'lower-part-OR adder, K low bits OR-ed' },
  { name: 'trunc', param: 'K', min: 0, describe: 'truncated adder, K low sum bits 0' },
  { name: 'eta1', param: 'K', min: 0, describe: 'error-tolerant adder I, K low bits' },
  { name: 'aca', param: 'W', min: 1, describe: 'almost-correct adder, carry window W bits' },
];

export const APPROX_MULTIPLIER_ARCHS: readonly ParamArch[] = [
  {
    name: 'trunc',
    param: 'K',
    min: 0,
    unsignedOnly: true,
    describe: 'column-truncated multiplier, K low columns dropped',
  },
];

const ADDERS: Readonly<Record<string, ApproxAdderFn>> = {
  loa: lowerPartOr,
  trunc: truncatedAdder,
  eta1: errorTolerantI,
  aca: almostCorrect,
};

function checkParam(what: string, width: number, param: number, min: number): void {
  if (!Number.isInteger(width) || width < 1 || width > 256)
    throw new RangeError(`${what} width must be an integer from 1 to 256, not ${width}`);
  if (!Number.isInteger(param) || param < min || param > width)
    throw new RangeError(
      `${what} parameter must be an integer from ${min} to ${width}, not ${param}`,
    );
}

/**
 * A stand-alone approximate adder netlist `NAME:PARAM` (one of APPROX_ADDER_ARCHS): inputs `a`,
 * `b` (width bits), outputs `sum` (width bits) and `cout`, as the exact adders but without a
 * carry-in. Name `<name><param>-<width>`, params { arch: 'NAME:PARAM', width }.
 */
export function buildApproxAdder(
  name: string,
  param: number,
  width: number,
  signed = false,
): Netlist {
  const adder = ADDERS[name];
  if (adder === undefined) throw new RangeError(`unknown approximate adder ${name}`);
  checkParam(`${name} adder`, width, param, name === 'aca' ? 1 : 0);
  const arch = `${name}:${param}`;
  const b = new NetlistBuilder(
    `${name}${param}-${width}${signed ? '-signed' : ''}`,
    signed ? { arch, width, signed } : { arch, width },
  );
  const x = b.input('a', width, { signed, doc: 'first addend' });
  const y = b.input('b', width, { signed, doc: 'second addend' });
  const { sum, cout } = adder(b, x, y, param);
  b.output('sum', sum, { signed, doc: `approximate a + b (${arch}), low width bits` });
  b.output('cout', [cout], { doc: 'carry-out of the approximate sum' });
  return b.build();
}

/**
 * A stand-alone column-truncated multiplier: inputs `a`, `b` (n bits) → `product` (2n bits),
 * final adder `adder`.
 */
export function buildTruncatedMultiplier(
  width: number,
  k: number,
  adder: AdderArch = 'ripple-carry',
): Netlist {
  checkParam('truncated multiplier', width, k, 0);
  const b = new NetlistBuilder(`mul_trunc${k}_${width}u`, {
    op: 'mul',
    arch: `trunc:${k}`,
    width,
    signed: false,
    adder,
  });
  const a = b.input('a', width, { doc: `multiplicand, ${width} bits unsigned` });
  const x = b.input('b', width, { doc: `multiplier, ${width} bits unsigned` });
  const product = truncatedMultiplier(b, a, x, k, EXACT_ADDERS[adder]);
  b.output('product', product, {
    doc: `a·b without the ${k} low partial-product columns, ${2 * width} bits unsigned`,
  });
  return b.build();
}
