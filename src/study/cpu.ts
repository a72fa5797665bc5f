import { TAP_KIND_OF_LAYER, tapCost } from '../cost/cpu.js';
import { costOfInference } from '../cost/inference.js';
import type { LayerWork } from '../cost/layer-work.js';
import type { CpuTable, TapSequence } from '../cost/table-types.js';
import type { CpuCost } from '../report/results.js';
import type { NetworkCounts } from './counts.js';

/**
 * Cycles per inference on one CPU core (src/cost/cpu.ts: every conv and linear layer's
 * M·N·K taps × cycles per tap of the cheapest tap sequence of its kind in the table; loads,
 * reductions and requantization not counted). `kernel` and `cyclesPerTap` describe the body
 * layers, where the three networks differ. CPU tables give no energies, so energy is null.
 */
export function cpuCost(
  table: CpuTable,
  counts: NetworkCounts,
  bodyLayers: readonly string[],
): CpuCost {
  const cost = costOfInference(table, { layers: counts.works });
  const layers = cost.cpu ?? [];
  const body = layers.find((l) => bodyLayers.includes(l.layer)) ?? layers[0];
  const alternatives = body.tap.alternatives
    .slice(1)
    .map((a) => `${a.sequence} (${a.cyclesPerTap} cycles per tap)`);
  return {
    network: counts.network,
    table: table.name,
    bits: counts.bits,
    kernel: body.tap.sequence,
    cyclesPerTap: body.tap.cyclesPerTap,
    cycles: cost.cycles as number,
    energyPj: null,
    provenance: [
      ...cost.provenance,
      ...(alternatives.length > 0
        ? [
            `${body.layer}: the cheapest ${body.tap.kind} sequence; the others: ${alternatives.join(', ')}`,
          ]
        : []),
      `energy: ${table.name} gives cycles only (no energy per instruction)`,
    ],
  };
}

/**
 * Why a CPU table cannot run these layers (its tap sequences take narrower operands, e.g.
 * int8 kernels for 12-bit layers), or null when it can.
 */
export function cpuCannotRun(table: CpuTable, works: readonly LayerWork[]): string | null {
  for (const layer of works) {
    const kind = TAP_KIND_OF_LAYER[layer.kind];
    if (!table.tapSequences.some((s) => s.kind === kind)) {
      return `${table.name} has no ${kind} tap sequence (layer ${layer.name})`;
    }
    const seq = table.tapSequences.find(
      (s) => s.name === tapCost(table, kind).sequence,
    ) as TapSequence;
    const fits =
      layer.kind === 'binary' ? layer.operandBits === 1 : layer.operandBits <= seq.operandBits;
    if (!fits) {
      return `${table.name}'s ${kind} sequence takes ${seq.operandBits}-bit operands, not the ${layer.operandBits}-bit operands of layer ${layer.name}`;
    }
  }
  return null;
}
