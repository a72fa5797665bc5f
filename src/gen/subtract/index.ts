import { NetlistBuilder } from '../../ir/builder.js';
import type { Netlist } from '../../ir/netlist.js';
import { ADDERS, type AdderArch } from '../adders/index.js';
import { checkOperandWidth } from '../width.js';
import { addSub, negate, subtract } from './subtract.js';

/**
 * Subtractor netlist: inputs `a`, `b`; outputs `diff` = a − b (width bits), `cout` (1 when
 * a ≥ b unsigned: no borrow), `overflow` (signed overflow). `signed` marks the ports only: the
 * bits are the same either way.
 */
export function buildSubtractor(arch: AdderArch, width: number, signed = false): Netlist {
  checkOperandWidth('subtractor', width);
  const b = new NetlistBuilder(`sub-${arch}-${width}${signed ? '-signed' : ''}`, {
    op: 'sub',
    arch,
    width,
    signed,
  });
  const x = b.input('a', width, { signed, doc: 'minuend' });
  const y = b.input('b', width, { signed, doc: 'subtrahend' });
  const { diff, cout, overflow } = subtract(b, x, y, ADDERS[arch]);
  b.output('diff', diff, { signed, doc: 'a - b, low width bits' });
  b.output('cout', [cout], { doc: 'carry-out of a + ~b + 1: 1 when a >= b unsigned' });
  b.output('overflow', [overflow], { doc: 'signed overflow of a - b' });
  return b.build();
}

/**
 * Adder/subtractor netlist: inputs `a`, `b`, `sub` (1 bit: 0 adds, 1 subtracts); outputs
 * `sum` = a ± b (width bits), `cout` (carry-out of a + (b ⊕ sub) + sub), `overflow` (signed).
 */
export function buildAddSub(arch: AdderArch, width: number, signed = false): Netlist {
  checkOperandWidth('adder/subtractor', width);
  const b = new NetlistBuilder(`addsub-${arch}-${width}${signed ? '-signed' : ''}`, {
    op: 'addsub',
    arch,
    width,
    signed,
  });
  const x = b.input('a', width, { signed, doc: 'first operand' });
  const y = b.input('b', width, { signed, doc: 'second operand' });
  const sub = b.input('sub', 1, { doc: 'mode: 0 adds, 1 subtracts' });
  const { sum, cout, overflow } = addSub(b, x, y, sub[0], ADDERS[arch]);
  b.output('sum', sum, { signed, doc: 'a + b, or a - b when sub = 1, low width bits' });
  b.output('cout', [cout], { doc: 'carry-out (when subtracting: 1 when a >= b unsigned)' });
  b.output('overflow', [overflow], { doc: 'signed overflow of the operation' });
  return b.build();
}

/** Negation netlist (two's complement): input `a`; outputs `neg` = −a, `overflow` (a = −2^(w−1)). */
export function buildNegate(width: number): Netlist {
  checkOperandWidth('negation', width);
  const b = new NetlistBuilder(`neg-${width}`, { op: 'neg', width });
  const x = b.input('a', width, { signed: true, doc: 'operand' });
  const { neg, overflow } = negate(b, x);
  b.output('neg', neg, { signed: true, doc: '-a, low width bits' });
  b.output('overflow', [overflow], { doc: '1 when a is the most negative value' });
  return b.build();
}
