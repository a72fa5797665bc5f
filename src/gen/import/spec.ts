import { wrapBigInt } from '../../bits/raw.js';
import type { Netlist } from '../../ir/netlist.js';
import type { CombinationalSpec, DatapathOptions } from '../datapath-spec.js';

/**
 * The exact operations an imported two-operand netlist can be checked against (`--op`), as
 * plain BigInt on the operand values (read signed or unsigned).
 */
export const IMPORT_OPS = {
  add: { describe: 'a + b', exact: (a: bigint, b: bigint) => a + b },
  sub: { describe: 'a − b', exact: (a: bigint, b: bigint) => a - b },
  mul: { describe: 'a · b', exact: (a: bigint, b: bigint) => a * b },
  absdiff: { describe: '|a − b|', exact: (a: bigint, b: bigint) => (a < b ? b - a : a - b) },
} as const;
export type ImportOp = keyof typeof IMPORT_OPS;

/**
 * A catalog-shaped spec for an imported netlist, so that verification, error metrics, activity
 * and exports treat it like a generated datapath: arch `imported`, golden = the exact op on the
 * two operand ports, the result spread over the result ports least significant first (each
 * compared modulo 2^its width).
 */
export function importedSpec(
  op: ImportOp,
  netlist: Netlist,
  operands: readonly [string, string],
  result: readonly string[],
): CombinationalSpec {
  const width = netlist.inputs.find((p) => p.name === operands[0])?.bits.length ?? 0;
  const widths = result.map(
    (name) => netlist.outputs.find((p) => p.name === name)?.bits.length ?? 0,
  );
  const read = (pattern: bigint, signed: boolean) => wrapBigInt(pattern, width, signed);
  return {
    op,
    kind: 'combinational',
    describe: `imported netlist ${netlist.name}, checked against ${IMPORT_OPS[op].describe}`,
    archs: ['imported'],
    defaultArch: 'imported',
    widths: { min: width, max: width },
    signedness: 'either',
    build: () => netlist,
    golden: ({ signed }: DatapathOptions, inputs) => {
      let exact = IMPORT_OPS[op].exact(
        read(inputs[operands[0]], signed),
        read(inputs[operands[1]], signed),
      );
      const out: Record<string, bigint> = {};
      result.forEach((name, i) => {
        out[name] = exact;
        exact >>= BigInt(widths[i]);
      });
      return out;
    },
    errors: {
      operands,
      result: () => result,
      exact: (_, a, b) => IMPORT_OPS[op].exact(a, b),
    },
  };
}
