import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { ADDERS, type AdderArch } from '../adders/index.js';
import { checkOperandWidth } from '../width.js';
import { compare, minMax } from './compare.js';

/** Comparator netlist: inputs `a`, `b`; outputs `lt`, `eq`, `gt` (1 bit each). */
export function buildComparator(arch: AdderArch, width: number, signed: boolean): Netlist {
  checkOperandWidth('comparator', width);
  const b = new NetlistBuilder(`cmp-${arch}-${width}${signed ? '-signed' : ''}`, {
    op: 'cmp',
    arch,
    width,
    signed,
  });
  const x = b.input('a', width, { signed, doc: 'first operand' });
  const y = b.input('b', width, { signed, doc: 'second operand' });
  const { lt, eq, gt } = compare(b, x, y, { signed, adder: ADDERS[arch] });
  b.output('lt', [lt], { doc: 'a < b' });
  b.output('eq', [eq], { doc: 'a = b' });
  b.output('gt', [gt], { doc: 'a > b' });
  return b.build();
}

/** min/max netlist: inputs `a`, `b`; outputs `min`, `max` (width bits, same signedness). */
export function buildMinMax(arch: AdderArch, width: number, signed: boolean): Netlist {
  checkOperandWidth('min/max', width);
  const b = new NetlistBuilder(`minmax-${arch}-${width}${signed ? '-signed' : ''}`, {
    op: 'minmax',
    arch,
    width,
    signed,
  });
  const x = b.input('a', width, { signed, doc: 'first operand' });
  const y = b.input('b', width, { signed, doc: 'second operand' });
  const { min, max } = minMax(b, x, y, { signed, adder: ADDERS[arch] });
  b.output('min', min, { signed, doc: 'the smaller of a and b' });
  b.output('max', max, { signed, doc: 'the larger of a and b' });
  return b.build();
}
