import { pricesMemory } from '../cost/price-inference.js';
import { formatCount } from '../format.js';
import { NETWORK_NAMES } from './categories.js';
import type { QuantizedEngine } from './inference.js';
import type { AdderSection, Network } from './results.js';
import type { StudyTables } from './tables.js';
import { tableTitle } from './tables.js';

/**
 * The statements a reader needs next to the numbers, in `meta.notes`: what was counted over how
 * many images, the quantization scheme, the cross-checks the study ran, and every assumption a
 * cost rests on. Short, one topic each, numbers inline.
 */
export interface NoteInputs {
  readonly engine: QuantizedEngine;
  readonly dataset: string;
  readonly images: number;
  readonly testCount: number;
  readonly full: boolean;
  readonly sweepBits: readonly number[];
  readonly accSteps: number;
  readonly accImages: number;
  readonly accNetworks: readonly Network[];
  readonly tables: StudyTables;
  readonly adders: AdderSection;
  /** From the cost sections: the count cross-check and any table left out. */
  readonly costNotes: readonly string[];
  /** The gate-level check and the requantization comparison (null when not run). */
  readonly gateNote: string;
  readonly requantNote: string | null;
}

export function studyNotes(n: NoteInputs): string[] {
  const set = n.dataset.toUpperCase();
  const scope =
    n.images < n.testCount
      ? `Accuracy is counted over the first ${formatCount(n.images)} of the ${formatCount(n.testCount)} ${set} test images (a --limit run), not the whole test set`
      : `Accuracy is counted over all ${formatCount(n.testCount)} ${set} test images`;
  const swept = n.accNetworks.map((net) => NETWORK_NAMES[net]).join(', ');
  const run = n.full ? 'Full run (--full)' : 'Default run (--full widens every sweep)';
  const unpriced = n.tables.asicOp.filter((t) => !pricesMemory(t)).map((t) => tableTitle(t.name));
  return [
    `${scope}; bit widths ${n.sweepBits.join(', ')}. ${run}: the accumulator sweep (${swept}, down to ${n.accSteps} bits below the never-overflowing width) and the requantization comparison count the first ${formatCount(n.accImages)} test images.`,
    `Quantization: ${n.engine.scheme}`,
    ...n.costNotes,
    n.gateNote,
    ...(n.requantNote === null ? [] : [n.requantNote]),
    ...(unpriced.length > 0
      ? [
          `${unpriced.join(', ')}: the table has no SRAM rows, so its energies cover compute only (for every network alike); the other ASIC tables include on-chip memory traffic.`,
        ]
      : []),
    'FPGA: the tables give no DSP-slice delay, so a layer that multiplies and accumulates in DSP slices is assumed to close timing at least at the clock of a fabric adder as wide as its accumulator (said on each row it affects). FPGA energy is not priced where a DSP multiplication occurs.',
    'CPU: cycles are instruction throughput (the tables’ tap sequences × reciprocal throughput), not measurements; loads and reductions are not counted, and the CPU tables give no energies.',
    "PE area: the processing element of each network's first body layer, as the gate-level backend simulates it; the AdderNet and CNN PEs take one tap per evaluation, the BNN PE all K taps of one output (a K-lane XNOR-popcount; K is on its provenance line).",
    `Adder architectures: toggles from ${formatCount(n.adders.vectors)} real additions (${n.adders.operands}) simulated through each adder netlist, zero-delay (glitches not modelled).`,
  ];
}
