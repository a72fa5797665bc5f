import { InputError, show } from '../errors.js';
import type { AbsDiffVariant } from '../gen/absdiff/index.js';
import type { AdderArch } from '../gen/adders/index.js';
import type { ImportedCircuit } from '../gen/approx/slots.js';
import type { CalibrationSource } from '../pipeline/datasets.js';
import type { AccOverflow, BnMode } from '../quant/options.js';

/**
 * What a sweep covers: the cartesian product bits × accumulator width × adder architecture ×
 * |a−b| variant × cost table, in that nesting order (the point index is the position in it).
 * Everything else is fixed for the whole sweep and written into every record, so a results
 * file can be checked against the sweep that resumes it.
 */
export interface SweepSpec {
  readonly model: string;
  readonly bits: readonly number[];
  /** null: the overflow-free width. */
  readonly accBits: readonly (number | null)[];
  readonly adders: readonly AdderArch[];
  readonly absdiffs: readonly AbsDiffVariant[];
  readonly tables: readonly string[];
  /** Test images for accuracy and counts (functional backend). */
  readonly limit: number;
  readonly bn: BnMode;
  readonly overflow: AccOverflow;
  readonly groups: number;
  /** Test images simulated at gate level for toggles, on cell tables. */
  readonly gateImages: number;
  /** `--data` and `--calibration` (pipeline/datasets.ts); absent: MNIST, as before. */
  readonly data?: string;
  readonly calibration?: CalibrationSource;
  /**
   * Slot circuits by key (gen/approx/slots.ts), in the nesting order of sweepPoints; null is
   * the exact datapath. Absent: the exact datapath only.
   */
  readonly subs?: readonly (string | null)[];
  readonly accs?: readonly (string | null)[];
  readonly muls?: readonly (string | null)[];
  /** The imported circuits those keys name. */
  readonly circuits?: readonly ImportedCircuit[];
}

export interface SweepPoint {
  readonly index: number;
  readonly bits: number;
  readonly accBits: number | null;
  readonly adder: AdderArch;
  readonly absdiff: AbsDiffVariant;
  readonly table: string;
  readonly sub?: string;
  readonly acc?: string;
  readonly mul?: string;
}

/**
 * A point's canonical key: two points with the same key are the same computation. Slot
 * circuits join the key only when a point has one, so sweeps without them keep their keys.
 */
export function pointKey(
  p: Pick<SweepPoint, 'bits' | 'accBits' | 'adder' | 'absdiff' | 'table' | 'sub' | 'acc' | 'mul'>,
): string {
  const base: unknown[] = [p.bits, p.accBits, p.adder, p.absdiff, p.table];
  // The acc slot joins the key only when set, so keys of sub/mul sweeps stay as they were.
  if (p.sub !== undefined || p.mul !== undefined || p.acc !== undefined)
    base.push({
      sub: p.sub ?? null,
      mul: p.mul ?? null,
      ...(p.acc === undefined ? {} : { acc: p.acc }),
    });
  return JSON.stringify(base);
}

/**
 * The points in nesting order (bits, accumulator, adder, |a−b|, sub circuit, acc circuit,
 * mul circuit, table), each once: `--bits 8,8` is one point, not two records.
 */
export function sweepPoints(spec: SweepSpec): SweepPoint[] {
  const points: SweepPoint[] = [];
  const seen = new Set<string>();
  for (const bits of spec.bits)
    for (const accBits of spec.accBits)
      for (const adder of spec.adders)
        for (const absdiff of spec.absdiffs)
          for (const sub of spec.subs ?? [null])
            for (const acc of spec.accs ?? [null])
              for (const mul of spec.muls ?? [null])
                for (const table of spec.tables) {
                  const slots = {
                    ...(sub === null ? {} : { sub }),
                    ...(acc === null ? {} : { acc }),
                    ...(mul === null ? {} : { mul }),
                  };
                  const key = pointKey({ bits, accBits, adder, absdiff, table, ...slots });
                  if (seen.has(key)) continue;
                  seen.add(key);
                  points.push({
                    index: points.length,
                    bits,
                    accBits,
                    adder,
                    absdiff,
                    table,
                    ...slots,
                  });
                }
  return points;
}

/** The settings every record of one sweep shares (what makes two results files comparable). */
export function sweepSettings(spec: SweepSpec): Record<string, string | number> {
  return {
    model: spec.model,
    limit: spec.limit,
    bn: spec.bn,
    overflow: spec.overflow,
    groups: spec.groups,
    gateImages: spec.gateImages,
    // Only when given, so results files of MNIST sweeps written before still resume.
    ...(spec.data === undefined ? {} : { data: spec.data }),
    ...(spec.calibration === undefined ? {} : { calibration: spec.calibration }),
  };
}

/** One point's results: one line of the results file. */
export interface SweepRecord {
  readonly index: number;
  readonly settings: Record<string, string | number>;
  readonly bits: number;
  readonly accBits: number | null;
  readonly adder: AdderArch;
  readonly absdiff: AbsDiffVariant;
  readonly table: string;
  /** Slot circuits by key, when the point has them. */
  readonly sub?: string;
  readonly acc?: string;
  readonly mul?: string;
  readonly images: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly overflowEvents: number;
  readonly energyPj: number | null;
  readonly computePj: number | null;
  readonly memoryPj: number | null;
  readonly cycles: number | null;
  readonly peAreaUm2: number | null;
  /** Gate-level toggles were measured on this many images (cell tables), else null. */
  readonly toggleImages: number | null;
  readonly notPriced: readonly string[];
}

/** Parses the `--acc-bits` list: integers and `full`. */
export function parseAccBitsList(text: string): (number | null)[] {
  return text.split(',').map((item) => {
    const s = item.trim();
    if (s === 'full') return null;
    const n = Number(s);
    if (s === '' || !Number.isInteger(n) || n < 1 || n > 64) {
      throw new InputError(
        `--acc-bits must be a comma-separated list of integers from 1 to 64 or full, not ${show(text)}`,
      );
    }
    return n;
  });
}
