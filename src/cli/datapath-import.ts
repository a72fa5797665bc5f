import { InputError, show } from '../errors.js';
import type { BuiltDatapath } from '../gen/build-datapath.js';
import type { DatapathOptions } from '../gen/datapath-spec.js';
import { IMPORT_OPS, type ImportOp, importedSpec, importNetlist } from '../gen/import/index.js';
import { choiceFlag } from './args.js';

/** Operand width range of an imported netlist (the error metrics' bigint path has no limit). */
const MAX_OPERAND_BITS = 64;
const PORT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ImportArgs {
  netlist?: string;
  top?: string;
  ports?: string;
  op?: string;
  arch?: string;
  adder?: string;
  bits?: unknown;
  signed?: boolean;
  verify?: boolean;
}

/**
 * `datapath --netlist FILE`: imports a yosys JSON or Verilog netlist whose operands and result
 * `--ports` names (default `A,B:O`, EvoApproxLib's convention), checked against the exact
 * `--op`. The width comes from the netlist, so --bits, --arch and --adder are refused.
 */
export function importDatapath(argv: ImportArgs & { netlist: string }): BuiltDatapath {
  for (const flag of ['arch', 'adder', 'bits'] as const) {
    if (argv[flag] !== undefined)
      throw new InputError(`--${flag} must be left out with --netlist, which gives the circuit`);
  }
  const op = choiceFlag('op', argv.op, Object.keys(IMPORT_OPS) as ImportOp[]);
  const { operands, result } = parsePorts(argv.ports ?? 'A,B:O');
  const signed = argv.signed === true;
  const netlist = importNetlist(argv.netlist, {
    top: argv.top,
    inputs: operands,
    outputs: result,
    signed,
  });
  const [a, b] = operands.map((name) => netlist.inputs.find((p) => p.name === name)!.bits.length);
  if (a !== b || a > MAX_OPERAND_BITS)
    throw new InputError(
      `${argv.netlist}: operands ${operands[0]} and ${operands[1]} must have the same width, at most ${MAX_OPERAND_BITS} bits, not ${a} and ${b}`,
    );
  if (argv.verify === true && netlist.registers.length > 0)
    throw new InputError(
      `--verify checks combinational netlists against --op; ${argv.netlist} has ${netlist.registers.length} flip-flops`,
    );
  const spec = importedSpec(op, netlist, operands, result);
  const options: DatapathOptions = { width: a, arch: 'imported', signed, adder: 'ripple-carry' };
  return { spec, options, netlist, source: argv.netlist };
}

/** `A,B:O` or `a,b:sum,cout`: two operand ports, then result ports least significant first. */
export function parsePorts(text: unknown): { operands: [string, string]; result: string[] } {
  const fail = () =>
    new InputError(
      `--ports must be two operand ports and the result ports, as A,B:O or a,b:sum,cout, not ${show(text)}`,
    );
  if (typeof text !== 'string') throw fail();
  const [left, right, ...rest] = text.split(':');
  const operands = left.split(',');
  const result = (right ?? '').split(',');
  const names = [...operands, ...result];
  if (rest.length > 0 || operands.length !== 2 || !names.every((n) => PORT_NAME.test(n)))
    throw fail();
  if (new Set(names).size !== names.length) throw fail();
  return { operands: [operands[0], operands[1]], result };
}
