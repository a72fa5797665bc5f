import { InputError } from '../errors.js';
import { formatNumber } from './estimate.js';
import { checkLayerWork, type LayerWork, layerTaps } from './layer-work.js';
import { opKey, type Primitive } from './ops.js';
import type { FpgaTable, MulImpl } from './table-types.js';

/**
 * FPGA cost of one functional unit per op, from the table's rules:
 *   adder          n LUTs + ceil(n / bitsPerCell) carry cells
 *   bitwise        ceil(n / 2) LUTs (two 2-input functions per LUT6 via O5/O6)
 *   popcount-tree  6:3 counters (one LUT per output bit) on groups of 6 bits, then a binary
 *                  tree of adders
 *   multiplier     one DSP when the signed operands fit widthA x widthB (either order) and the
 *                  table's mulImpl is not `lut`, else ceil(lutsPerProductBit * a * b) LUTs and
 *                  ceil((a + b) / bitsPerCell) carry cells (the final adder of the product)
 * Register-to-register delay of a unit: clock-to-Q + routing + its logic + routing + setup,
 * the carry chain being carrySingleCellPs for one cell, else carryEntryPs + (cells - 2) *
 * carryPerCellPs + carryExitPs. DSP and LUT-multiplier delays are not in the tables (left
 * undefined). Energy is an estimate: LUTs x togglesPerLutPerOp x lutToggleEnergyPj; DSP energy
 * is not given by any public per-operation figure, so it stays undefined.
 */
export interface FpgaUnit {
  readonly luts: number;
  readonly carryCells: number;
  readonly dsps: number;
  readonly delayPs?: number;
  readonly energyPj?: number;
  readonly row: string;
  readonly source: string;
  readonly steps: readonly string[];
}

export function carryDelayPs(table: FpgaTable, bits: number): number {
  const cells = Math.ceil(bits / table.carryChain.bitsPerCell);
  const t = table.timing;
  return cells === 1
    ? t.carrySingleCellPs
    : t.carryEntryPs + (cells - 2) * t.carryPerCellPs + t.carryExitPs;
}

function registered(table: FpgaTable, logicPs: number): number {
  const t = table.timing;
  return t.clockToQPs + 2 * t.routingPs + logicPs + t.setupPs;
}

export function fpgaUnit(
  table: FpgaTable,
  op: { op: Primitive; bits: number; bitsB?: number },
): FpgaUnit {
  const index = table.ops.findIndex((r) => r.op === op.op);
  if (index < 0) {
    throw new InputError(
      `table ${table.name} cannot price ${opKey(op)}: it has no ${op.op} row (it prices ${table.ops.map((r) => r.op).join(', ')})`,
    );
  }
  const row = table.ops[index];
  const n = op.bits;
  const bpc = table.carryChain.bitsPerCell;
  const t = table.timing;
  const timingNote = t.estimate ? ' (timing is an estimate)' : '';
  let luts = 0;
  let carryCells = 0;
  let dsps = 0;
  let delayPs: number | undefined;
  const steps: string[] = [];
  switch (row.rule) {
    case 'adder':
      luts = n;
      carryCells = Math.ceil(n / bpc);
      delayPs = registered(table, t.lutPs + carryDelayPs(table, n));
      steps.push(
        `adder: ${n} LUTs + ceil(${n}/${bpc}) = ${carryCells} ${table.carryChain.cell}${timingNote}`,
      );
      break;
    case 'bitwise':
      luts = Math.ceil(n / 2);
      delayPs = registered(table, t.lutPs);
      steps.push(`bitwise: ceil(${n}/2) = ${luts} LUTs${timingNote}`);
      break;
    case 'popcount-tree': {
      const tree = popcountTree(table, n);
      luts = tree.luts;
      carryCells = tree.carryCells;
      delayPs = registered(table, tree.logicPs);
      steps.push(`popcount tree: ${tree.description}${timingNote}`);
      break;
    }
    case 'multiplier': {
      const a = n;
      const b = op.bitsB ?? n;
      const { widthA, widthB, name } = table.dsp;
      const fits = (a <= widthA && b <= widthB) || (a <= widthB && b <= widthA);
      if (table.mulImpl === 'lut') {
        luts = Math.ceil(table.lutMultiplier.lutsPerProductBit * a * b);
        // The partial products' final adder rides a carry chain as wide as the product.
        carryCells = Math.ceil((a + b) / bpc);
        steps.push(
          `${a}x${b} in LUTs (--mul-impl lut): ceil(${formatNumber(table.lutMultiplier.lutsPerProductBit)} x ${a} x ${b}) = ${luts} LUTs + ceil(${a + b}/${bpc}) = ${carryCells} ${table.carryChain.cell}; delay not in the table`,
        );
      } else if (fits) {
        dsps = 1;
        steps.push(
          `${a}x${b} fits one ${name} (${widthA}x${widthB}); DSP delay and energy not in the table`,
        );
      } else {
        luts = Math.ceil(table.lutMultiplier.lutsPerProductBit * a * b);
        carryCells = Math.ceil((a + b) / bpc);
        steps.push(
          `${a}x${b} does not fit ${name} (${widthA}x${widthB}): LUTs only, ceil(${formatNumber(table.lutMultiplier.lutsPerProductBit)} x ${a} x ${b}) = ${luts} LUTs + ${carryCells} ${table.carryChain.cell}; delay not in the table`,
        );
      }
      break;
    }
  }
  let energyPj: number | undefined;
  if (dsps === 0) {
    const e = table.energy;
    energyPj = luts * e.togglesPerLutPerOp * e.lutToggleEnergyPj;
    steps.push(
      `energy ${e.estimate ? 'estimate' : ''}: ${luts} LUTs x ${e.togglesPerLutPerOp} toggles x ${e.lutToggleEnergyPj} pJ`,
    );
  }
  return {
    luts,
    carryCells,
    dsps,
    delayPs,
    energyPj,
    row: `/ops/${index}`,
    source: row.source,
    steps,
  };
}

function popcountTree(
  table: FpgaTable,
  n: number,
): { luts: number; carryCells: number; logicPs: number; description: string } {
  const bpc = table.carryChain.bitsPerCell;
  const widths: number[] = [];
  let luts = 0;
  for (let left = n; left > 0; left -= 6) {
    const w = Math.ceil(Math.log2(Math.min(6, left) + 1));
    widths.push(w);
    luts += w;
  }
  const counters = widths.length;
  let carryCells = 0;
  let logicPs = table.timing.lutPs;
  let level = widths;
  let levels = 0;
  while (level.length > 1) {
    const next: number[] = [];
    let widest = 0;
    for (let i = 0; i + 1 < level.length; i += 2) {
      const w = Math.max(level[i], level[i + 1]);
      luts += w;
      carryCells += Math.ceil(w / bpc);
      next.push(w + 1);
      widest = Math.max(widest, w);
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    logicPs += table.timing.routingPs + table.timing.lutPs + carryDelayPs(table, widest);
    level = next;
    levels++;
  }
  return {
    luts,
    carryCells,
    logicPs,
    description: `${counters} counters of up to 6 bits, ${levels} adder levels: ${luts} LUTs + ${carryCells} ${table.carryChain.cell}`,
  };
}

/**
 * How many PEs of a layer's kind fit the device, and the layer's cycles on them.
 * PE datapaths, each stage registered:
 *   adder     sub(b), abs(b + 1), add(acc)                              3 stages
 *   multiply  mul(b) + add(acc); in one DSP (its post-adder accumulates) when the product fits
 *             and acc <= accumulatorBits, else LUT multiplier + LUT adder   3 stages
 *   binary    xnor(L), popcount(L), add(acc) on L = binaryLanes taps a cycle  3 stages
 * PEs = min over LUTs and DSPs of floor(budget x utilisation / per-PE use);
 * cycles = ceil(M*N*K / (PEs x lanes)) + stages (pipeline fill);
 * clock = 1 / the slowest registered stage, undefined when a stage has no delay in the table
 * (a DSP stage).
 */
export interface FpgaLayerCycles {
  readonly layer: string;
  readonly pes: number;
  readonly lanesPerPe: number;
  readonly pe: { readonly luts: number; readonly carryCells: number; readonly dsps: number };
  readonly cycles: number;
  readonly clockMhz?: number;
  readonly timeUs?: number;
  readonly steps: readonly string[];
}

export interface FpgaOptions {
  /** Fraction of the device's LUTs and DSPs a design may use (default 1: the whole device). */
  readonly utilisation?: number;
  /** Taps a binary PE handles per cycle (default 64). */
  readonly binaryLanes?: number;
}

export function fpgaLayerCycles(
  table: FpgaTable,
  layer: LayerWork,
  options: FpgaOptions = {},
): FpgaLayerCycles {
  checkLayerWork(layer);
  const utilisation = options.utilisation ?? 1;
  if (!(utilisation > 0 && utilisation <= 1)) {
    throw new InputError(`FPGA utilisation must be a number in (0, 1], not ${utilisation}`);
  }
  const b = layer.operandBits;
  const stages: { op: Primitive; bits: number }[] = [];
  let lanes = 1;
  let dspAccumulate = false;
  if (layer.kind === 'adder') {
    stages.push(
      { op: 'sub', bits: b },
      { op: 'abs', bits: b + 1 },
      { op: 'add', bits: layer.accBits },
    );
  } else if (layer.kind === 'binary') {
    lanes = options.binaryLanes ?? 64;
    stages.push(
      { op: 'xnor', bits: lanes },
      { op: 'popcount', bits: lanes },
      { op: 'add', bits: layer.accBits },
    );
  } else {
    const mul = fpgaUnit(table, { op: 'mul', bits: b });
    dspAccumulate = mul.dsps > 0 && layer.accBits <= table.dsp.accumulatorBits;
    stages.push({ op: 'mul', bits: b });
    if (!dspAccumulate) stages.push({ op: 'add', bits: layer.accBits });
  }
  const units = stages.map((s) => ({ s, unit: fpgaUnit(table, s) }));
  const pe = { luts: 0, carryCells: 0, dsps: 0 };
  for (const { unit } of units) {
    pe.luts += unit.luts;
    pe.carryCells += unit.carryCells;
    pe.dsps += unit.dsps;
  }
  const limits: number[] = [];
  if (pe.luts > 0) limits.push(Math.floor((table.device.luts * utilisation) / pe.luts));
  if (pe.dsps > 0) limits.push(Math.floor((table.device.dsps * utilisation) / pe.dsps));
  const pes = Math.min(...limits);
  if (!(pes >= 1)) {
    throw new InputError(
      `layer ${layer.name}: not one ${layer.kind} PE fits ${table.device.part} (${table.name})`,
    );
  }
  const fill = 3;
  const cycles = Math.ceil(layerTaps(layer) / (pes * lanes)) + fill;
  const delays = units.map((u) => u.unit.delayPs);
  const known = delays.every((d): d is number => d !== undefined);
  const clockMhz = known ? 1e6 / Math.max(...(delays as number[])) : undefined;
  const steps = [
    `PE: ${units.map(({ s }) => opKey(s)).join(' + ')}${dspAccumulate ? ` (accumulate in the ${table.dsp.name})` : ''} = ${pe.luts} LUTs, ${pe.carryCells} ${table.carryChain.cell}, ${pe.dsps} DSPs`,
    `PEs = ${pes} on ${table.device.part} (${table.device.luts} LUTs, ${table.device.dsps} DSPs, utilisation ${utilisation})`,
    `cycles = ceil(${layerTaps(layer)} / (${pes} x ${lanes})) + ${fill} = ${cycles}`,
    clockMhz === undefined
      ? `clock: not given (${pe.dsps > 0 ? `a ${table.dsp.name} stage` : 'the LUT multiplier stage'} has no delay in the table)`
      : `clock = 1 / ${formatNumber(Math.max(...(delays as number[])))} ps = ${formatNumber(clockMhz)} MHz${table.timing.estimate ? ' (estimate)' : ''}`,
  ];
  return {
    layer: layer.name,
    pes,
    lanesPerPe: lanes,
    pe,
    cycles,
    clockMhz,
    timeUs: clockMhz === undefined ? undefined : cycles / clockMhz,
    steps,
  };
}

/** The table with multiplies put in DSP slices (its default) or in LUTs (`--mul-impl`). */
export function withMultiplier(table: FpgaTable, impl: MulImpl): FpgaTable {
  return impl === 'dsp' ? table : { ...table, mulImpl: impl };
}
