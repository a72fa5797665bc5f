/**
 * addersim as a library: what `import { ... } from 'addersim'` gives. Each entry point is the
 * one the CLI itself calls, so a script and a command compute the same bytes.
 *
 * | task                         | entry points                                                   |
 * |------------------------------|----------------------------------------------------------------|
 * | fixed-point semantics        | FixedFormat, parseFormat, quantize (ac_fixed rounding/overflow) |
 * | build a datapath             | buildDatapath({ op, arch, bits, signed, adder }), buildAdder,    |
 * |                              | buildMultiplier, buildAdderPe, buildMacPe, buildXnorPe           |
 * | inspect and simulate it      | netlistMetrics, toCanonicalText, validateNetlist,              |
 * |                              | ReferenceSimulator, compile (bit-parallel), simulateActivity   |
 * | export it                    | toVerilog, toVcd                                               |
 * | load and use a cost table    | loadTable, tableNames, estimateOps, estimateNetlist            |
 * | count and price an inference | inferCheckpoint, prepareNetwork, requantize, measureNetwork,   |
 * |                              | priceInference                                                 |
 * | budget an architecture       | loadArchitecture, architectureNames, budgetArchitecture        |
 * | run a sweep                  | runSweep                                                       |
 * | the study and its report     | runStudy, writeReport, renderReport                            |
 *
 * Bad input throws InputError with the one-line message the CLI prints.
 */
export { FixedFormat } from './bits/format.js';
export { parseFormat } from './bits/format-text.js';
export { type QuantizeOptions, type QuantizeResult, quantize } from './bits/quantize.js';
export { type BudgetReport, budgetArchitecture } from './budget/budget.js';
export { estimateNetlist } from './cost/estimate-netlist.js';
export { estimateOps } from './cost/estimate-ops.js';
export { type InferenceCounts, priceInference, type TableCost } from './cost/price-inference.js';
export type { CostTable } from './cost/table-types.js';
export { loadTable, tableNames } from './cost/tables.js';
export { InputError } from './errors.js';
export { ADDER_ARCHS, type AdderArch, buildAdder } from './gen/adders/index.js';
export { type BuiltDatapath, buildDatapath, type DatapathRequest } from './gen/build-datapath.js';
export { DATAPATH_OPS } from './gen/catalog.js';
export { buildMultiplier, MULTIPLIER_ARCHS } from './gen/multipliers/index.js';
export { buildAdderPe, buildMacPe, buildXnorPe } from './gen/pe/index.js';
export { toCanonicalText } from './ir/canonical.js';
export { netlistMetrics } from './ir/metrics.js';
export type { Netlist } from './ir/netlist.js';
export { validateNetlist } from './ir/validate.js';
export { architectureNames, loadArchitecture } from './nn/architectures.js';
export {
  type InferOptions,
  inferCheckpoint,
  measureNetwork,
  type NetworkResult,
} from './pipeline/measure.js';
export { type PreparedNetwork, prepareNetwork, requantize } from './pipeline/prepare.js';
export { renderReport, writeReport } from './report/write.js';
export { toVcd } from './rtl/vcd.js';
export { toVerilog } from './rtl/verilog.js';
export { simulateActivity } from './sim/activity.js';
export { compile } from './sim/compiled.js';
export { ReferenceSimulator } from './sim/reference.js';
export type { ReportResults } from './study/results.js';
export { runStudy } from './study/run.js';
export type { SweepSpec } from './sweep/spec.js';
export { runSweep } from './sweep/sweep.js';
