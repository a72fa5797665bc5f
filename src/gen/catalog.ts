import { ADDER_OPS } from './catalog-adders.js';
import { ARITH_OPS } from './catalog-arith.js';
import type { DatapathSpec } from './datapath-spec.js';

/**
 * Every datapath the `addersim datapath` command can build, measure and verify: the adder
 * family (catalog-adders.ts) followed by the multipliers, popcount, accumulators and
 * processing elements (catalog-arith.ts). Op names are unique; a duplicate is a bug caught
 * when this module loads.
 */
export const DATAPATH_OPS: readonly DatapathSpec[] = checkUnique([...ADDER_OPS, ...ARITH_OPS]);

export function datapathOpNames(): string[] {
  return DATAPATH_OPS.map((spec) => spec.op);
}

/** The spec of `op`, or undefined. */
export function findDatapathOp(op: string): DatapathSpec | undefined {
  return DATAPATH_OPS.find((spec) => spec.op === op);
}

function checkUnique(specs: DatapathSpec[]): DatapathSpec[] {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.op)) throw new Error(`datapath op ${spec.op} is registered twice`);
    if (!spec.archs.includes(spec.defaultArch))
      throw new Error(
        `datapath op ${spec.op}: default arch ${spec.defaultArch} is not one of its archs`,
      );
    seen.add(spec.op);
  }
  return specs;
}
