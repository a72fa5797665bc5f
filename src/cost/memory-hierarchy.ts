import { formatNumber } from './estimate.js';
import type { LayerWork } from './layer-work.js';
import { sramEnergyPj } from './memory-energy.js';
import type { Accelerator, MemoryTable } from './memory-files.js';
import type { OpCount } from './ops.js';
import { type Dataflow, peArrayCycles } from './pe-array.js';

/**
 * Memory energy of one inference on an accelerator: a weight buffer and an activation buffer
 * (sizes from the accelerator description) between the PE array and DRAM, each priced per bit
 * at its own capacity (memory-energy.ts), DRAM per bit from the memory table.
 *
 * Buffer reads follow the array's dataflow, with the fold counts of the SCALE-Sim cycle model
 * (pe-array.ts; R x C array, row folds ceil(S_R/R), column folds ceil(S_C/C)), in values:
 *
 * | dataflow | weight reads  | input reads (im2col) | output writes | partial-sum reads    |
 * |----------|---------------|----------------------|---------------|----------------------|
 * | ws       | K·N           | M·K · colFolds       | M·N · rowFolds | M·N · (rowFolds − 1) |
 * | os       | K·N · rowFolds | M·K · colFolds       | M·N           | 0                    |
 * | is       | K·N · colFolds | M·K                  | M·N · rowFolds | M·N · (rowFolds − 1) |
 *
 * Weights and inputs are operandBits wide; outputs and partial sums accBits.
 * DRAM (no tiling cleverer than the folds above):
 * - weights: if every layer's weights together fit the weight buffer they stay resident (loaded
 *   once, not per inference); else a layer whose weights fit is loaded once per inference
 *   (DRAM read + buffer write of K·N·b bits); a layer whose weights do not fit streams every
 *   weight read above from DRAM (and through the buffer).
 * - activations: a layer whose input (inputElements x b) and output (M·N x acc) together fit
 *   the activation buffer keeps them on chip; else it is tiled (a tile of inputs and of partial
 *   sums in the buffer): DRAM supplies each input element once, or, when the input does not
 *   fit half the buffer, once per pass over it (input reads / (M·K): column folds for ws and
 *   os, 1 for is), and takes each output once, and the
 *   next layer reads its input from DRAM. The network's input is read from DRAM once; its last
 *   layer's output written to DRAM once.
 * Memory traffic of the other nodes (BatchNorm, activations, pooling: `others`) is priced at
 * the activation buffer.
 */
export type MemoryLevel = 'weight buffer' | 'activation buffer' | 'DRAM';

export interface MemoryLevelEnergy {
  readonly level: MemoryLevel;
  /** KiB of the buffer; null for DRAM. */
  readonly capacityKiB: number | null;
  /** Energy per 64-bit access at this level, pJ (reads; writes x the write factor). */
  readonly accessPj: number;
  readonly readBits: number;
  readonly writeBits: number;
  /** Energy of the reads and of the writes; energyPj is their sum. */
  readonly readPj: number;
  readonly writePj: number;
  readonly energyPj: number;
}

export interface MemoryHierarchyCost {
  readonly accelerator: string;
  readonly memoryTable: string;
  readonly dataflow: Dataflow;
  readonly weightsResident: boolean;
  readonly levels: readonly MemoryLevelEnergy[];
  /** Memory energy by node (GEMM layers and the others), pJ, in input order. */
  readonly byLayer: readonly { readonly layer: string; readonly energyPj: number }[];
  readonly energyPj: number;
  readonly provenance: readonly string[];
}

export interface MemoryInput {
  /** The conv and linear layers as GEMMs, in graph order. */
  readonly works: readonly LayerWork[];
  /** sram-read / sram-write counts of every other node, by node id. */
  readonly others: readonly { readonly layer: string; readonly memory: readonly OpCount[] }[];
  readonly array: { readonly rows: number; readonly cols: number; readonly dataflow: Dataflow };
}

/** Buffer traffic of one layer, in values, by the table above. */
export function layerTraffic(
  work: LayerWork,
  array: MemoryInput['array'],
): { weightReads: number; inputReads: number; outputWrites: number; psumReads: number } {
  const p = peArrayCycles(work, array, array.dataflow);
  const { M, N, K } = work;
  const weights = K * N;
  const outputs = M * N;
  if (array.dataflow === 'os') {
    return {
      weightReads: weights * p.rowFolds,
      inputReads: M * K * p.colFolds,
      outputWrites: outputs,
      psumReads: 0,
    };
  }
  return {
    weightReads: array.dataflow === 'ws' ? weights : weights * p.colFolds,
    inputReads: array.dataflow === 'ws' ? M * K * p.colFolds : M * K,
    outputWrites: outputs * p.rowFolds,
    psumReads: outputs * (p.rowFolds - 1),
  };
}

export function priceMemoryHierarchy(
  accelerator: Accelerator,
  table: MemoryTable,
  input: MemoryInput,
): MemoryHierarchyCost {
  const kib = 8 * 1024;
  const wCap = accelerator.weightBufferKiB * kib;
  const aCap = accelerator.activationBufferKiB * kib;
  const weightSram = sramEnergyPj(table, accelerator.weightBufferKiB);
  const actSram = sramEnergyPj(table, accelerator.activationBufferKiB);
  const bits = { w: { r: 0, wr: 0 }, a: { r: 0, wr: 0 }, d: { r: 0, wr: 0 } };
  // Bits moved per node and level, priced once the per-bit energies are known.
  const perLayer: { layer: string; w: number; a: number; d: number }[] = [];
  const track = (layer: string, before: typeof bits) => {
    const f = table.sramWriteFactor;
    perLayer.push({
      layer,
      w: bits.w.r - before.w.r + f * (bits.w.wr - before.w.wr),
      a: bits.a.r - before.a.r + f * (bits.a.wr - before.a.wr),
      d: bits.d.r - before.d.r + table.dram.writeFactor * (bits.d.wr - before.d.wr),
    });
  };
  const snapshot = () => structuredClone(bits);
  const provenance: string[] = [
    `${accelerator.name}: weight buffer ${accelerator.weightBufferKiB} KiB, activation buffer ${accelerator.activationBufferKiB} KiB, DRAM behind both; ${input.array.rows}x${input.array.cols} ${input.array.dataflow} array`,
    weightSram.step,
    actSram.step,
    `DRAM: ${table.dram.energyPj} pJ per ${table.accessBits}-bit access (${table.dram.source})`,
  ];
  const totalWeightBits = input.works.reduce((s, w) => s + w.K * w.N * w.operandBits, 0);
  const resident = totalWeightBits <= wCap;
  provenance.push(
    `weights: ${formatNumber(totalWeightBits / kib)} KiB in all ${resident ? 'fit the weight buffer: resident, not reloaded per inference' : 'exceed the weight buffer: loaded from DRAM every inference'}`,
  );
  let inputInDram = true;
  input.works.forEach((work, i) => {
    const before = snapshot();
    const t = layerTraffic(work, input.array);
    const b = work.operandBits;
    const acc = work.accBits;
    const wBits = work.K * work.N * b;
    const wReadBits = t.weightReads * b;
    bits.w.r += wReadBits;
    const parts: string[] = [];
    if (resident) {
      parts.push('weights resident');
    } else if (wBits <= wCap) {
      bits.d.r += wBits;
      bits.w.wr += wBits;
      parts.push(`weights ${formatNumber(wBits / kib)} KiB loaded once from DRAM`);
    } else {
      bits.d.r += wReadBits;
      bits.w.wr += wReadBits;
      parts.push(
        `weights ${formatNumber(wBits / kib)} KiB exceed the buffer: every weight read from DRAM`,
      );
    }
    const inElements = work.inputElements ?? work.M * work.K;
    const inBits = inElements * b;
    const outBits = work.M * work.N * acc;
    const inReadBits = t.inputReads * b;
    const outWriteBits = t.outputWrites * acc;
    const psumBits = t.psumReads * acc;
    bits.a.r += inReadBits + psumBits;
    bits.a.wr += outWriteBits;
    const fits = inBits + outBits <= aCap;
    if (fits) {
      if (inputInDram) {
        bits.d.r += inBits;
        bits.a.wr += inBits;
        parts.push('input loaded once from DRAM');
      }
      parts.push(
        `input + output ${formatNumber((inBits + outBits) / kib)} KiB on chip${work.inputElements === undefined ? ' (input as its im2col matrix)' : ''}`,
      );
    } else {
      // Tiled: the buffer holds a tile of inputs and of partial sums, so DRAM sees each input
      // element once per pass over the input (the dataflow's input reads / (M*K)) and each
      // output once.
      // An input that fits half the buffer (the other half for output tiles) stays for every
      // pass and is read from DRAM once.
      const passes = inBits <= aCap / 2 ? 1 : t.inputReads / (work.M * work.K);
      bits.d.r += inBits * passes;
      bits.a.wr += inBits * passes;
      bits.a.r += outBits;
      bits.d.wr += outBits;
      parts.push(
        `input + output ${formatNumber((inBits + outBits) / kib)} KiB exceed the activation buffer: tiled, input read from DRAM ${formatNumber(passes)} time(s), output written to DRAM`,
      );
    }
    if (fits && i === input.works.length - 1) {
      bits.d.wr += outBits;
      parts.push('output written to DRAM');
    }
    inputInDram = !fits;
    track(work.name, before);
    provenance.push(
      `${work.name}: ${input.array.dataflow} reads ${formatNumber(t.weightReads)} weights, ${formatNumber(t.inputReads)} inputs, ${formatNumber(t.psumReads)} partial sums; writes ${formatNumber(t.outputWrites)} outputs; ${parts.join('; ')}`,
    );
  });
  for (const node of input.others) {
    const before = snapshot();
    for (const c of node.memory) {
      if (c.op === 'sram-read') bits.a.r += c.bits * c.count;
      else if (c.op === 'sram-write') bits.a.wr += c.bits * c.count;
    }
    track(node.layer, before);
  }
  const per = table.accessBits;
  const level = (
    name: MemoryLevel,
    capacityKiB: number | null,
    accessPj: number,
    writeFactor: number,
    t: { r: number; wr: number },
  ): MemoryLevelEnergy => ({
    level: name,
    capacityKiB,
    accessPj,
    readBits: t.r,
    writeBits: t.wr,
    readPj: (accessPj / per) * t.r,
    writePj: (accessPj / per) * writeFactor * t.wr,
    energyPj: (accessPj / per) * (t.r + writeFactor * t.wr),
  });
  const levels = [
    level(
      'weight buffer',
      accelerator.weightBufferKiB,
      weightSram.energyPj,
      table.sramWriteFactor,
      bits.w,
    ),
    level(
      'activation buffer',
      accelerator.activationBufferKiB,
      actSram.energyPj,
      table.sramWriteFactor,
      bits.a,
    ),
    level('DRAM', null, table.dram.energyPj, table.dram.writeFactor, bits.d),
  ];
  provenance.push(
    'other nodes (BatchNorm, activations, pooling): their reads and writes at the activation buffer',
    ...levels.map(
      (l) =>
        `${l.level}: ${formatNumber(l.readBits)} bits read, ${formatNumber(l.writeBits)} written x ${formatNumber(l.accessPj)} pJ / ${per} bits = ${formatNumber(l.energyPj)} pJ`,
    ),
  );
  return {
    accelerator: accelerator.name,
    memoryTable: table.name,
    dataflow: input.array.dataflow,
    weightsResident: resident,
    levels,
    byLayer: perLayer.map((l) => ({
      layer: l.layer,
      energyPj:
        (l.w * weightSram.energyPj + l.a * actSram.energyPj + l.d * table.dram.energyPj) / per,
    })),
    energyPj: levels.reduce((s, l) => s + l.energyPj, 0),
    provenance,
  };
}
