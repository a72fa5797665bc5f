/**
 * Integer inference through a datapath backend, with exact counters and per-table costs.
 *
 * Networks (plain JSON results)
 *   inferCheckpoint(path, options) -> NetworkResult    quantize + run + count + price
 *   prepareNetwork(path, quantOptions) -> PreparedNetwork; runNetwork(prepared, options)
 *   compareNetworks(options, checkpoints?) -> { addernet, cnn, bnn }
 *   floatAccuracy(prepared, limit)
 * Options: QuantOptions (bits, bn, accBits, overflow, groups, quantile, calibrationImages) +
 *   backend 'functional' | 'gate', datapath { adder, absdiff, multiplier }, limit, tables,
 *   array { rows, cols, dataflow } (default 32x32 ws), threads, simd, float, onProgress.
 * NetworkResult: accuracy, floatAccuracy, counts / memory per inference (OpCount[]), paper
 *   counts, overflowEvents, layers (formats, per-layer counts, gate toggles), work (LayerWork[]),
 *   costs: TableCost[] per table { energyPj, computePj, memoryPj, cycles, clockMhz?, pe:
 *   { layer, areaUm2 | luts, dsps, pes | sequence, cyclesPerTap }, notPriced, provenance }.
 * Lower level
 *   runIntegerGraph(graph, images, count, options) -> { predictions, nodes: NodeCounts[] }
 *   runParallel(graph, images, count, { threads, ... })   worker threads, same result
 *   costOnTable(table, { counts, memory, layers, peLayer, activity? }) -> TableCost
 * Studies
 *   accumulatorSweep(prepared, widths, { bits, limit, ... }) -> AccumulatorCurve (WRAP and SAT)
 *   accumulatorOperands(prepared, { layer, images }) + measureAdders(operands, archs, cellTable)
 *     -> AdderStudy: toggles, energy, area, delay of adder architectures on real operands
 *   runSweep(spec, outFile, { threads, onProgress }) -> records (resumable JSON lines)
 *   requantize(prepared, options): other bits / BN mode / accumulator without recalibrating
 */
export * from './accumulator.js';
export * from './compare.js';
export * from './costs.js';
export * from './counters.js';
export * from './kernels/registry.js';
export * from './layers.js';
export * from './network.js';
export * from './parallel.js';
export * from './run.js';
export * from './sweep.js';
export * from './sweep-spec.js';
export * from './toggles.js';
