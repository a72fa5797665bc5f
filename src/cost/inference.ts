import { type CpuLayerCycles, cpuLayerCycles } from './cpu.js';
import { type Estimate, formatNumber } from './estimate.js';
import { estimateOps } from './estimate-ops.js';
import { type FpgaLayerCycles, type FpgaOptions, fpgaLayerCycles, fpgaUnit } from './fpga.js';
import type { LayerWork } from './layer-work.js';
import type { OpCount } from './ops.js';
import {
  type Dataflow,
  type FoldConvention,
  type PeArrayCycles,
  peArrayCycles,
} from './pe-array.js';
import type { CostTable, FpgaTable, TableKind } from './table-types.js';

/**
 * Whatever one table can say about one inference, with provenance, for the engine and reports.
 *
 * | table kind | from counts                    | from layers                                   |
 * |------------|--------------------------------|-----------------------------------------------|
 * | asic-op    | energy (+ unit area)           | PE-array cycles when `array` is given         |
 * | asic-cell  | -                              | PE-array cycles when `array` is given         |
 * | fpga       | resources, energy estimate     | PEs that fit the device, cycles, clock        |
 * | cpu        | -                              | cycles per core from tap sequences            |
 *
 * What a table cannot give is listed in `notPriced` with the reason; totals are never zero by
 * default. An op a table cannot price at all is an InputError (from the estimator).
 */
export interface InferenceInput {
  readonly counts?: readonly OpCount[];
  readonly layers?: readonly LayerWork[];
  readonly array?: {
    readonly rows: number;
    readonly cols: number;
    readonly dataflow: Dataflow;
    readonly convention?: FoldConvention;
  };
  readonly fpga?: FpgaOptions;
}

export interface InferenceCost {
  readonly table: string;
  readonly kind: TableKind;
  readonly energyPj?: number;
  readonly areaUm2?: number;
  readonly cycles?: number;
  /** FPGA: the slowest layer clock, MHz. */
  readonly clockMhz?: number;
  /** FPGA: cycles / design clock, us. */
  readonly timeUs?: number;
  readonly estimate?: Estimate;
  readonly peArray?: readonly PeArrayCycles[];
  readonly cpu?: readonly CpuLayerCycles[];
  readonly fpga?: readonly FpgaLayerCycles[];
  readonly notPriced: readonly string[];
  readonly provenance: readonly string[];
}

export function costOfInference(table: CostTable, input: InferenceInput): InferenceCost {
  const counts = input.counts ?? [];
  const layers = input.layers ?? [];
  const notPriced: string[] = [];
  const provenance: string[] = [];
  let estimate: Estimate | undefined;
  let peArray: PeArrayCycles[] | undefined;
  let cpu: CpuLayerCycles[] | undefined;
  let fpga: FpgaLayerCycles[] | undefined;
  let cycles: number | undefined;
  let clockMhz: number | undefined;
  let timeUs: number | undefined;

  if (counts.length > 0) {
    if (table.kind === 'asic-op' || table.kind === 'fpga') {
      estimate = estimateOps(table, counts);
      provenance.push(...estimate.provenance(), ...estimate.notes);
    } else {
      notPriced.push(
        `operation counts: ${table.name} is a ${table.kind} table (${table.kind === 'cpu' ? 'it gives cycles from layer taps' : 'it prices netlists with switching activity'})`,
      );
    }
  }
  if (layers.length > 0) {
    if (table.kind === 'cpu') {
      cpu = layers.map((l) => cpuLayerCycles(table, l));
      cycles = cpu.reduce((s, c) => s + c.cycles, 0);
      for (const c of cpu) {
        provenance.push(
          `${c.layer}: ${c.taps} taps x ${formatNumber(c.tap.cyclesPerTap)} = ${formatNumber(c.cycles)} cycles <- ${table.name} ${c.tap.steps.join('; ')}`,
        );
      }
    } else if (table.kind === 'fpga') {
      fpga = layers.map((l) => fpgaLayerCycles(table, l, input.fpga));
      cycles = fpga.reduce((s, c) => s + c.cycles, 0);
      for (const f of fpga) provenance.push(`${f.layer}: ${f.steps.join('; ')} <- ${table.name}`);
      const clock = designClock(table, fpga, layers);
      clockMhz = clock.clockMhz;
      timeUs = cycles / clockMhz;
      provenance.push(...clock.steps);
    } else if (input.array) {
      const { rows, cols, dataflow, convention } = input.array;
      peArray = layers.map((l) => peArrayCycles(l, { rows, cols }, dataflow, convention));
      cycles = peArray.reduce((s, c) => s + c.cycles, 0);
      for (const p of peArray)
        provenance.push(
          `${p.layer}: ${p.steps.join('; ')} = ${p.cycles} cycles (SCALE-Sim fold formulas)`,
        );
    } else {
      notPriced.push(
        `cycles: ${table.name} is an ASIC table; give a PE array (rows, cols, dataflow) for cycles`,
      );
    }
  }
  return {
    table: table.name,
    kind: table.kind,
    energyPj: estimate?.energyPj,
    areaUm2: estimate?.areaUm2,
    cycles,
    clockMhz,
    timeUs,
    estimate,
    peArray,
    cpu,
    fpga,
    notPriced,
    provenance,
  };
}

/**
 * The FPGA design runs on one clock: the slowest registered stage of any layer's PE. The tables
 * give LUT and carry-chain delays but no DSP delay, so a layer whose PE multiplies and
 * accumulates inside a DSP slice has no clock of its own; for it the model assumes the DSP
 * pipeline closes at least at the clock of a fabric adder as wide as the layer's accumulator
 * (the carry chain the DSP's post-adder replaces), and says so on a provenance line.
 */
function designClock(
  table: FpgaTable,
  fpga: readonly FpgaLayerCycles[],
  layers: readonly LayerWork[],
): { clockMhz: number; steps: string[] } {
  const steps: string[] = [];
  const clocks = fpga.map((l, i) => {
    if (l.clockMhz !== undefined) return l.clockMhz;
    const adder = fpgaUnit(table, { op: 'add', bits: layers[i].accBits });
    const proxy = 1e6 / (adder.delayPs as number);
    const stage = l.pe.dsps > 0 ? `${table.dsp.name}` : 'LUT multiplier';
    steps.push(
      `${l.layer}: ${stage} delay not in the table; assumed to close at least at the clock of a ${layers[i].accBits}-bit fabric adder, ${formatNumber(adder.delayPs as number)} ps = ${formatNumber(proxy)} MHz (assumption)`,
    );
    return proxy;
  });
  const clockMhz = Math.min(...clocks);
  steps.push(
    `design clock = slowest layer clock = ${formatNumber(clockMhz)} MHz (${fpga[clocks.indexOf(clockMhz)].layer})${table.timing.estimate ? '; timing figures are estimates' : ''}`,
  );
  return { clockMhz, steps };
}
