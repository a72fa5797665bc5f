import { formatNumber } from '../cost/estimate.js';
import { fpgaUnit } from '../cost/fpga.js';
import { costOfInference } from '../cost/inference.js';
import type { FpgaTable } from '../cost/table-types.js';
import type { FpgaCost } from '../report/results.js';
import { type NetworkCounts, totalOps } from './counts.js';

/**
 * One network on one FPGA table (src/cost/fpga.ts): layer after layer, each layer's PEs fill
 * the device's LUT and DSP budget and its M·N·K taps stream through them; cycles per inference
 * = Σ over conv and linear layers of ceil(taps / (PEs × lanes)) + pipeline fill.
 *
 * Clock. The design runs on one clock: the slowest registered stage of any layer's PE. The
 * tables give LUT and carry-chain delays but no DSP delay, so a layer whose PE multiplies and
 * accumulates inside a DSP slice has no clock of its own; for it the study assumes the DSP
 * pipeline closes at least at the clock of a fabric adder as wide as the layer's accumulator
 * (the carry chain the DSP's post-adder replaces). That assumption is written on the row's
 * provenance whenever it is used.
 *
 * Energy: the table prices LUT-built ops only (an estimate); a network with any DSP
 * multiplication (in LeNet-5 every network: stem and classifier stay multiply layers) gets null.
 */
export function fpgaCost(
  table: FpgaTable,
  counts: NetworkCounts,
  bodyLayers: readonly string[],
): FpgaCost {
  const cost = costOfInference(table, { counts: totalOps(counts), layers: counts.works });
  const layers = cost.fpga ?? [];
  const provenance = [...cost.provenance];
  const clocks = layers.map((l, i) => {
    if (l.clockMhz !== undefined) return l.clockMhz;
    const work = counts.works[i];
    const adder = fpgaUnit(table, { op: 'add', bits: work.accBits });
    const proxy = 1e6 / (adder.delayPs as number);
    provenance.push(
      `${l.layer}: ${table.dsp.name} delay not in the table; assumed to close at least at the clock of a ${work.accBits}-bit fabric adder, ${formatNumber(adder.delayPs as number)} ps = ${formatNumber(proxy)} MHz (assumption)`,
    );
    return proxy;
  });
  const clockMhz = Math.min(...clocks);
  const slowest = layers[clocks.indexOf(clockMhz)];
  provenance.push(
    `design clock = slowest layer clock = ${formatNumber(clockMhz)} MHz (${slowest.layer})${table.timing.estimate ? '; timing figures are estimates' : ''}`,
  );
  const body = layers.find((l) => bodyLayers.includes(l.layer)) ?? layers[0];
  const energyPj = cost.energyPj ?? null;
  if (energyPj === null) {
    provenance.push(
      `energy per inference: not priced, because ${table.name} gives no energy for at least one op above (a total over part of the ops would be no total)`,
    );
  }
  return {
    network: counts.network,
    table: table.name,
    bits: counts.bits,
    lutsPerPe: body.pe.luts,
    dspsPerPe: body.pe.dsps,
    pes: body.pes,
    clockMhz,
    cycles: cost.cycles as number,
    energyPj,
    provenance,
  };
}
