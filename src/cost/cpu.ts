import { InputError } from '../errors.js';
import { formatNumber } from './estimate.js';
import { checkLayerWork, type LayerWork, layerTaps } from './layer-work.js';
import type { CpuTable, TapKind, TapSequence } from './table-types.js';

/**
 * CPU cycles per core from instruction sequences and reciprocal throughputs.
 *
 * One tap sequence is the steady-state inner loop for one vector of taps with operands in
 * registers; its cost is a throughput bound:
 *   cycles per sequence = sum(count_i x reciprocalThroughput_i)
 *   cycles per tap      = cycles per sequence / taps per sequence
 *   layer cycles        = M*N*K x cycles per tap
 * Loads, horizontal reductions, requantization and loop overhead are not counted (they are the
 * same for every layer kind to first order). When a table has several sequences for a kind, the
 * cheapest is used and the others are reported.
 */
export interface TapCost {
  readonly table: string;
  readonly kind: TapKind;
  readonly sequence: string;
  readonly tapsPerSequence: number;
  readonly cyclesPerSequence: number;
  readonly cyclesPerTap: number;
  /** Every sequence of this kind with its cycles per tap, cheapest first. */
  readonly alternatives: readonly { readonly sequence: string; readonly cyclesPerTap: number }[];
  readonly steps: readonly string[];
}

export interface CpuLayerCycles {
  readonly layer: string;
  readonly taps: number;
  readonly cycles: number;
  readonly tap: TapCost;
}

/** The tap kind each layer kind runs on a CPU. */
export const TAP_KIND_OF_LAYER: Readonly<Record<LayerWork['kind'], TapKind>> = {
  adder: 'sad-int8',
  multiply: 'mac-int8',
  binary: 'xnor-popcount',
};

function sequenceCycles(table: CpuTable, seq: TapSequence): { cycles: number; terms: string[] } {
  let cycles = 0;
  const terms: string[] = [];
  for (const use of seq.instructions) {
    const ins = table.instructions.find((x) => x.name === use.name);
    if (!ins) throw new Error(`${table.name}: unknown instruction ${use.name}`);
    cycles += use.count * ins.reciprocalThroughputCycles;
    terms.push(`${use.count} x ${use.name} (${formatNumber(ins.reciprocalThroughputCycles)})`);
  }
  return { cycles, terms };
}

export function tapCost(table: CpuTable, kind: TapKind): TapCost {
  const candidates = table.tapSequences
    .filter((s) => s.kind === kind)
    .map((seq) => {
      const { cycles, terms } = sequenceCycles(table, seq);
      return { seq, cycles, terms, perTap: cycles / seq.tapsPerSequence };
    })
    .sort((a, b) => a.perTap - b.perTap || a.seq.name.localeCompare(b.seq.name));
  if (candidates.length === 0) {
    throw new InputError(
      `table ${table.name} cannot price ${kind} taps: it has no ${kind} tap sequence`,
    );
  }
  const best = candidates[0];
  return {
    table: table.name,
    kind,
    sequence: best.seq.name,
    tapsPerSequence: best.seq.tapsPerSequence,
    cyclesPerSequence: best.cycles,
    cyclesPerTap: best.perTap,
    alternatives: candidates.map((c) => ({ sequence: c.seq.name, cyclesPerTap: c.perTap })),
    steps: [
      `${best.seq.name}: ${best.terms.join(' + ')} = ${formatNumber(best.cycles)} cycles per ${best.seq.tapsPerSequence} taps`,
      `${formatNumber(best.perTap)} cycles per tap`,
    ],
  };
}

export function cpuLayerCycles(table: CpuTable, layer: LayerWork): CpuLayerCycles {
  checkLayerWork(layer);
  const kind = TAP_KIND_OF_LAYER[layer.kind];
  const tap = tapCost(table, kind);
  const seq = table.tapSequences.find((s) => s.name === tap.sequence) as TapSequence;
  if (layer.kind === 'binary' ? layer.operandBits !== 1 : layer.operandBits > seq.operandBits) {
    throw new InputError(
      `table ${table.name} cannot run layer ${layer.name}: its ${kind} sequence takes ${seq.operandBits}-bit operands, not ${layer.operandBits}-bit`,
    );
  }
  const taps = layerTaps(layer);
  return { layer: layer.name, taps, cycles: taps * tap.cyclesPerTap, tap };
}

/**
 * Why a CPU table cannot run these layers (no tap sequence of a layer's kind, or one that takes
 * narrower operands, e.g. int8 kernels for 12-bit layers), or null when it can.
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
