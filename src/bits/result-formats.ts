import { type FixedFormat, resultFormat } from './format.js';

/**
 * Formats of exact results, given the operand formats only, so that a generator can size a
 * bus before any value exists. Operands a = <Wa, Ia, Sa>, b = <Wb, Ib, Sb>, F = W - I.
 * add/sub/neg/mul follow ac_fixed's result types (`rt<...>::plus`, `minus`, `mult`,
 * `rt_unary::neg`); abs and absDiff are the tightest unsigned format instead (ac_fixed's
 * `mag` adds a bit that is never needed: |-2^(W-1)| = 2^(W-1) fits W unsigned bits).
 *
 * | op      | W                 | I                                   | S       |
 * |---------|-------------------|-------------------------------------|---------|
 * | add     | I + max(Fa, Fb)   | max(Ia + (Sb && !Sa), Ib + (Sa && !Sb)) + 1 | Sa or Sb |
 * | sub     | I + max(Fa, Fb)   | same as add                         | true    |
 * | neg     | Wa + 1            | Ia + 1                              | true    |
 * | mul     | Wa + Wb           | Ia + Ib                             | Sa or Sb |
 * | abs     | Wa                | Ia                                  | false   |
 * | absDiff | bits of max(maxA - minB, maxB - minA) at F = max(Fa, Fb) | W - F | false |
 *
 * For example |s8 - s8| <= 127 - (-128) = 255 fits u8, while s8 - s8 needs s9.
 * The "+ (Sb && !Sa)" gives an unsigned operand one more integer bit so it fits a signed sum.
 */

/** Integer bits both operands need once they share a signedness, before the carry bit. */
function commonIntBits(a: FixedFormat, b: FixedFormat): number {
  return Math.max(
    a.intBits + (b.signed && !a.signed ? 1 : 0),
    b.intBits + (a.signed && !b.signed ? 1 : 0),
  );
}

export function addFormat(a: FixedFormat, b: FixedFormat): FixedFormat {
  const i = commonIntBits(a, b) + 1;
  return resultFormat('add', i + Math.max(a.fracBits, b.fracBits), i, a.signed || b.signed);
}

export function subFormat(a: FixedFormat, b: FixedFormat): FixedFormat {
  const i = commonIntBits(a, b) + 1;
  return resultFormat('sub', i + Math.max(a.fracBits, b.fracBits), i, true);
}

export function negFormat(a: FixedFormat): FixedFormat {
  return resultFormat('neg', a.width + 1, a.intBits + 1, true);
}

export function mulFormat(a: FixedFormat, b: FixedFormat): FixedFormat {
  return resultFormat('mul', a.width + b.width, a.intBits + b.intBits, a.signed || b.signed);
}

export function absFormat(a: FixedFormat): FixedFormat {
  return resultFormat('abs', a.width, a.intBits, false);
}

export function absDiffFormat(a: FixedFormat, b: FixedFormat): FixedFormat {
  const f = Math.max(a.fracBits, b.fracBits);
  const sa = BigInt(f - a.fracBits);
  const sb = BigInt(f - b.fracBits);
  const up = (a.maxRaw << sa) - (b.minRaw << sb);
  const down = (b.maxRaw << sb) - (a.minRaw << sa);
  // (up + down) is the sum of both ranges' spans, >= 1, so the larger is >= 1.
  const largest = up > down ? up : down;
  const w = largest.toString(2).length;
  return resultFormat('absDiff', w, w - f, false);
}
