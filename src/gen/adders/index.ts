import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { checkOperandWidth } from '../width.js';
import { carryIncrement } from './carry-increment.js';
import { carryLookahead } from './carry-lookahead.js';
import { carrySaveAdd3 } from './carry-save.js';
import { carrySelect } from './carry-select.js';
import { carrySkip } from './carry-skip.js';
import { conditionalSum } from './conditional-sum.js';
import {
  brentKungAdder,
  hanCarlsonAdder,
  koggeStoneAdder,
  ladnerFischerAdder,
  sklanskyAdder,
} from './prefix.js';
import { rippleCarry } from './ripple-carry.js';
import type { AdderFn } from './types.js';

export type { AdderFn } from './types.js';

/**
 * Every two-operand adder architecture, by its kebab-case name. Each works for any width from
 * 1 to 256 (and beyond); costs are stated on each generator.
 */
export const ADDER_ARCHS = [
  'ripple-carry',
  'carry-lookahead',
  'carry-select',
  'carry-skip',
  'carry-increment',
  'conditional-sum',
  'kogge-stone',
  'brent-kung',
  'sklansky',
  'han-carlson',
  'ladner-fischer',
] as const;
export type AdderArch = (typeof ADDER_ARCHS)[number];

export const ADDERS: Readonly<Record<AdderArch, AdderFn>> = {
  'ripple-carry': rippleCarry,
  'carry-lookahead': carryLookahead,
  'carry-select': carrySelect,
  'carry-skip': carrySkip,
  'carry-increment': carryIncrement,
  'conditional-sum': conditionalSum,
  'kogge-stone': koggeStoneAdder,
  'brent-kung': brentKungAdder,
  sklansky: sklanskyAdder,
  'han-carlson': hanCarlsonAdder,
  'ladner-fischer': ladnerFischerAdder,
};

/**
 * A stand-alone adder netlist: inputs `a`, `b` (width bits) and `cin` (1 bit); outputs `sum`
 * (width bits) and `cout`. Name `<arch>-<width>`, params { arch, width }. `signed` marks the
 * operand ports as two's complement (the bits are the same either way).
 */
export function buildAdder(arch: AdderArch, width: number, signed = false): Netlist {
  checkOperandWidth('adder', width);
  const b = new NetlistBuilder(
    `${arch}-${width}${signed ? '-signed' : ''}`,
    signed ? { arch, width, signed } : { arch, width },
  );
  const a = b.input('a', width, { signed, doc: 'first addend' });
  const y = b.input('b', width, { signed, doc: 'second addend' });
  const cin = b.input('cin', 1, { doc: 'carry-in' });
  const { sum, cout } = ADDERS[arch](b, a, y, cin[0]);
  b.output('sum', sum, { signed, doc: 'a + b + cin, low width bits' });
  b.output('cout', [cout], { doc: 'carry-out: bit width of a + b + cin read unsigned' });
  return b.build();
}

/**
 * Three-operand adder netlist (carry-save row + final adder `arch`): inputs `a`, `b`, `c`
 * (width bits); output `sum` = a + b + c exactly, width + 2 bits.
 */
export function buildAdd3(arch: AdderArch, width: number, signed = false): Netlist {
  checkOperandWidth('three-operand adder', width);
  const b = new NetlistBuilder(`add3-${arch}-${width}${signed ? '-signed' : ''}`, {
    op: 'add3',
    arch,
    width,
    signed,
  });
  const x = b.input('a', width, { signed, doc: 'first addend' });
  const y = b.input('b', width, { signed, doc: 'second addend' });
  const z = b.input('c', width, { signed, doc: 'third addend' });
  const sum = carrySaveAdd3(b, x, y, z, { final: ADDERS[arch], signed });
  b.output('sum', sum, { signed, doc: 'a + b + c, exact (width + 2 bits)' });
  return b.build();
}
