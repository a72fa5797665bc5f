import type { CellKind } from '../ir/gates.js';
import type { Primitive } from './ops.js';

/**
 * The shapes of the cost tables in cost-tables/ (the JSON Schema there is the authority; these
 * types mirror it). Units live in field names; every number carries a `source`, derived ones a
 * `derivation`.
 *
 * | kind      | prices                                             | gives                       |
 * |-----------|----------------------------------------------------|-----------------------------|
 * | asic-op   | op counts, by op and width                          | energy, area (where given)  |
 * | asic-cell | netlists with switching activity, per cell kind     | energy, area, critical path |
 * | fpga      | op counts as LUT / carry / DSP resources; PE arrays | resources, clock, cycles    |
 * | cpu       | layer taps through instruction sequences            | cycles per core             |
 */
export const TABLE_KINDS = ['asic-op', 'asic-cell', 'fpga', 'cpu'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

interface TableBase {
  readonly name: string;
  readonly node: string;
  readonly description: string;
  readonly sources: readonly string[];
}

export interface OpPoint {
  readonly bits: number;
  readonly bitsB?: number;
  readonly energyPj: number;
  readonly areaUm2?: number;
  readonly source: string;
  readonly derivation?: string;
}

/**
 * How a row reaches widths it has no published point for (always from the point nearest in
 * width). `none`: published widths only. `linear`: proportional to bits. `bilinear`:
 * proportional to bits x bitsB. `polynomial`: proportional to ab*a*b + meanWidth*(a+b)/2 +
 * constant.
 */
export interface OpScaling {
  readonly rule: 'none' | 'linear' | 'bilinear' | 'polynomial';
  readonly ab?: number;
  readonly meanWidth?: number;
  readonly constant?: number;
  readonly source: string;
}

/**
 * A row priced from another row: `same` widths, `per-bit` (bits x the 1-bit price) or
 * `popcount-tree` ((bits - ones(bits)) x the 1-bit price), times `factor`.
 */
export interface DerivedFrom {
  readonly op: Primitive;
  readonly factor: number;
  readonly widths: 'same' | 'per-bit' | 'popcount-tree';
}

export interface OpRow {
  readonly op: Primitive;
  readonly scaling?: OpScaling;
  readonly points?: readonly OpPoint[];
  readonly derivedFrom?: DerivedFrom;
  readonly source?: string;
  readonly derivation?: string;
}

export interface AsicOpTable extends TableBase {
  readonly kind: 'asic-op';
  readonly ops: readonly OpRow[];
  readonly register?: {
    readonly bits: number;
    readonly energyPj: number;
    readonly areaUm2: number;
    readonly source: string;
  };
}

export interface CellRow {
  readonly kind: CellKind;
  readonly libraryCell: string;
  readonly areaUm2: number;
  /** Energy per toggle of an output net driven by this cell. */
  readonly switchingEnergyPj: number;
  readonly delayPs: number;
  /** Per output, in the order of the cell's outputs (multi-output cells). */
  readonly outputSwitchingEnergyPj?: readonly number[];
  readonly outputDelayPs?: readonly number[];
  readonly source: string;
  readonly derivation?: string;
}

export interface AsicCellTable extends TableBase {
  readonly kind: 'asic-cell';
  readonly library: string;
  readonly operatingPoint: {
    readonly supplyV: number;
    readonly inputTransitionPs: number;
    readonly loadFf: number;
    readonly source: string;
  };
  readonly energyCalibration: {
    /** Every switching energy is multiplied by this before use (a recorded scaling step). */
    readonly scale: number;
    readonly toSupplyV?: number;
    readonly reference: string;
    /** The stated agreement with `reference` on random-input ripple-carry adders. */
    readonly withinFactor: number;
    readonly method: string;
    readonly source: string;
  };
  readonly cells: readonly CellRow[];
  readonly register: {
    readonly libraryCell: string;
    readonly areaUm2: number;
    /** Energy per clock cycle of one flip-flop whose output does not change. */
    readonly clockEnergyPj: number;
    /** Extra energy of a cycle in which the output toggles. */
    readonly toggleEnergyPj: number;
    readonly clockToQPs: number;
    readonly setupPs: number;
    readonly source: string;
    readonly derivation?: string;
  };
}

export type FpgaRule = 'adder' | 'bitwise' | 'popcount-tree' | 'multiplier';

export interface FpgaTable extends TableBase {
  readonly kind: 'fpga';
  /**
   * Where multiplies go: `dsp` (default: a DSP slice when the operands fit) or `lut` (LUTs
   * and carry chains only, as the public AdderNet FPGA comparisons count). Not a field of the
   * table files: set by `withMultiplier` from the --mul-impl option.
   */
  readonly mulImpl?: MulImpl;
  readonly device: {
    readonly part: string;
    readonly luts: number;
    readonly flipFlops: number;
    readonly dsps: number;
    readonly source: string;
  };
  readonly carryChain: {
    readonly cell: string;
    readonly bitsPerCell: number;
    readonly source: string;
  };
  readonly timing: {
    readonly lutPs: number;
    readonly carryEntryPs: number;
    readonly carryPerCellPs: number;
    readonly carryExitPs: number;
    readonly carrySingleCellPs: number;
    readonly clockToQPs: number;
    readonly setupPs: number;
    readonly routingPs: number;
    readonly estimate: boolean;
    readonly source: string;
    readonly derivation?: string;
  };
  readonly dsp: {
    readonly name: string;
    readonly widthA: number;
    readonly widthB: number;
    readonly accumulatorBits: number;
    readonly source: string;
  };
  readonly lutMultiplier: {
    readonly lutsPerProductBit: number;
    readonly source: string;
    readonly derivation: string;
  };
  readonly energy: {
    readonly lutToggleEnergyPj: number;
    readonly togglesPerLutPerOp: number;
    readonly estimate: boolean;
    readonly source: string;
    readonly derivation: string;
  };
  readonly ops: readonly {
    readonly op: Primitive;
    readonly rule: FpgaRule;
    readonly source: string;
    readonly derivation?: string;
  }[];
}

export interface Instruction {
  readonly name: string;
  readonly class: string;
  readonly latencyCycles: number;
  readonly reciprocalThroughputCycles: number;
  readonly ports: string;
  readonly lanes: number;
  readonly laneBits: number;
  readonly source: string;
  readonly derivation?: string;
}

export const TAP_KINDS = ['sad-int8', 'mac-int8', 'xnor-popcount'] as const;
export type TapKind = (typeof TAP_KINDS)[number];

export interface TapSequence {
  readonly name: string;
  readonly kind: TapKind;
  readonly operandBits: number;
  readonly tapsPerSequence: number;
  readonly instructions: readonly { readonly name: string; readonly count: number }[];
  readonly source?: string;
  readonly derivation: string;
}

export interface CpuTable extends TableBase {
  readonly kind: 'cpu';
  readonly core: string;
  readonly instructions: readonly Instruction[];
  readonly tapSequences: readonly TapSequence[];
}

export type CostTable = AsicOpTable | AsicCellTable | FpgaTable | CpuTable;

/** How an FPGA table implements multiplies (see FpgaTable.mulImpl). */
export const MUL_IMPLS = ['dsp', 'lut'] as const;
export type MulImpl = (typeof MUL_IMPLS)[number];
