import type { NetlistBuilder } from '../../ir/builder.js';
import type { Bus, Net } from '../../ir/netlist.js';
import { gateTree } from '../adders/trees.js';
import type { AdderFn } from '../adders/types.js';
import { lessFromCarry, subtract } from '../subtract/subtract.js';

/**
 * Magnitude comparator: lt from the carry-out of x − y (a subtractor of the chosen adder
 * architecture, its sum bits unused), eq = AND of xnor(x_i, y_i) (n xnor + a balanced tree of
 * n − 1 and), gt = ¬(lt + eq) (one nor). Signed or unsigned per `lessFromCarry`.
 * Cost: n not + the adder + n xnor + (n − 1) and + 1 nor + (1 not | xor + xnor).
 */
export function compare(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  options: { signed: boolean; adder: AdderFn },
): { lt: Net; eq: Net; gt: Net } {
  const { cout } = subtract(b, x, y, options.adder);
  const lt = lessFromCarry(b, x, y, cout, options.signed);
  const eq = gateTree(
    b,
    'and',
    x.map((bit, i) => b.xnor(bit, y[i])),
  );
  return { lt, eq, gt: b.nor(lt, eq) };
}

/**
 * min and max of x and y: one less-than (as in `compare`, without eq) and 2n mux2.
 */
export function minMax(
  b: NetlistBuilder,
  x: Bus,
  y: Bus,
  options: { signed: boolean; adder: AdderFn },
): { min: Net[]; max: Net[] } {
  const { cout } = subtract(b, x, y, options.adder);
  const lt = lessFromCarry(b, x, y, cout, options.signed);
  return {
    min: x.map((bit, i) => b.mux(lt, y[i], bit)),
    max: x.map((bit, i) => b.mux(lt, bit, y[i])),
  };
}
