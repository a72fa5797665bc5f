import { InputError, show } from '../errors.js';
import type { Netlist } from '../ir/netlist.js';
import { ADDER_ARCHS, type AdderArch } from './adders/index.js';
import { resolveArch } from './approx/index.js';
import { DATAPATH_OPS, findDatapathOp } from './catalog.js';
import type { DatapathOptions, DatapathSpec } from './datapath-spec.js';

/**
 * One datapath by name, checked: what `addersim datapath` and the library's callers build. The
 * request's fields are the command's flags (`op`, `arch`, `bits`, `signed`, `adder`), and the
 * messages name them so: "--bits must be an integer from 1 to 256, not 0".
 */
export interface DatapathRequest {
  /** One of the catalog's ops: add, sub, absdiff, mul, pe-adder, ... */
  readonly op: string;
  /** The op's architecture (default: the op's default). */
  readonly arch?: string;
  /** Operand width; default 8. */
  readonly bits?: number;
  readonly signed?: boolean;
  /** The adder inside ops built from one (|a − b|, accumulators, PEs); default ripple-carry. */
  readonly adder?: string;
}

export interface BuiltDatapath {
  readonly spec: DatapathSpec;
  readonly options: DatapathOptions;
  readonly netlist: Netlist;
  /** The file an imported netlist came from (`datapath --netlist`). */
  readonly source?: string;
}

export const DEFAULT_DATAPATH_BITS = 8;

function choice<T extends string>(flag: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new InputError(`--${flag} must be one of ${choices.join(', ')}, not ${show(value)}`);
  }
  return value as T;
}

export function buildDatapath(request: DatapathRequest): BuiltDatapath {
  const ops = DATAPATH_OPS.map((s) => s.op);
  const spec = findDatapathOp(choice('op', request.op, ops)) as DatapathSpec;
  const width = request.bits ?? DEFAULT_DATAPATH_BITS;
  const { min, max } = spec.widths;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < min || width > max) {
    throw new InputError(`--bits must be an integer from ${min} to ${max}, not ${show(width)}`);
  }
  // Exact architectures by name; approximate ones as NAME:PARAM (loa:4), checked for this width.
  const arch =
    request.arch === undefined
      ? spec.defaultArch
      : resolveArch(
          request.arch,
          spec.archs,
          spec.paramArchs ?? [],
          width,
          request.signed === true,
        );
  if (request.signed && spec.signedness === 'unsigned') {
    throw new InputError(
      `--signed must be left out for --op ${spec.op}, whose operands are unsigned`,
    );
  }
  if (request.adder !== undefined && !spec.usesAdder) {
    throw new InputError(`--adder must be left out for --op ${spec.op}, whose --arch is the adder`);
  }
  const adder: AdderArch =
    request.adder === undefined ? 'ripple-carry' : choice('adder', request.adder, ADDER_ARCHS);
  const signed = spec.signedness === 'signed' || request.signed === true;
  const options: DatapathOptions = { width, arch, signed, adder };
  return { spec, options, netlist: spec.build(options) };
}
