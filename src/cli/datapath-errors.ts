import { InputError } from '../errors.js';
import type { BuiltDatapath } from '../gen/build-datapath.js';
import { SeededRandom } from '../gen/random.js';
import { type ErrorMetrics, errorMetrics } from '../sim/error-metrics.js';
import { intFlag } from './args.js';

/** Random operand pairs behind sampled error metrics when --vectors is not given. */
const DEFAULT_ERROR_VECTORS = 100_000;

/**
 * Error metrics of `datapath` (the `errors` JSON key): computed for every approximate arch
 * (`loa:4`, …) and every combinational imported netlist, and for any op with an exact
 * two-operand reference (add, mul) when `--errors` asks. Exhaustive up to 9-bit operands,
 * else --vectors (default DEFAULT_ERROR_VECTORS) pairs from --seed.
 */
export function datapathErrors(
  built: BuiltDatapath,
  argv: { errors?: boolean; vectors?: unknown },
  seed: number,
): ErrorMetrics | undefined {
  const { spec, options, netlist } = built;
  const approximate = options.arch.includes(':') || built.source !== undefined;
  const combinational = netlist.registers.length === 0;
  if (argv.errors !== true && !(approximate && combinational)) return undefined;
  if (spec.kind !== 'combinational' || spec.errors === undefined || !combinational)
    throw new InputError(
      `--errors needs a combinational circuit with an exact two-operand reference (--op add or mul, or a --netlist without flip-flops), not --op ${spec.op}${combinational ? '' : ` with ${netlist.registers.length} flip-flops`}`,
    );
  const reference = spec.errors;
  const rng = new SeededRandom(seed);
  return errorMetrics(netlist, {
    operands: reference.operands,
    result: reference.result(options),
    signed: options.signed,
    exact: (a, b) => reference.exact(options, a, b),
    vectors: intFlag('vectors', argv.vectors ?? DEFAULT_ERROR_VECTORS, 1, 10_000_000),
    random: () => rng.nextUint32(),
  });
}

/** One text line: "errors (exhaustive, 65536 vectors): mae 0.25, wce 1, ...". */
export function errorsLine(e: ErrorMetrics, seed: number): string {
  const how = e.exhaustive ? 'exhaustive' : `random, seed ${seed}`;
  const g = (x: number) => Number(x.toPrecision(6));
  return `errors (${how}, ${e.vectors} vectors): mae ${g(e.mae)}, wce ${e.wce}, bias ${g(e.bias)}, mse ${g(e.mse)}, ep ${g(e.ep)}, mre ${g(e.mre)}`;
}
