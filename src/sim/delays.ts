import { InputError, show } from '../errors.js';
import { CELL_KINDS, type CellKind, MACROS } from '../ir/gates.js';

/**
 * Cell delays for the timing-aware activity simulator: one non-negative integer per cell kind,
 * in a time unit the caller chooses (the CLI uses whole picoseconds for cost-table delays, and
 * 1 for the unit-delay model). Integers make the simulation exact: two paths tie exactly when
 * their delay sums are equal, with no floating-point rounding deciding which glitch appears.
 *
 * fa and ha are expanded into xor/and/or gates before simulation (see ir/expand.ts), so their
 * entries, if any, are not used; every primitive kind the expanded netlist contains needs one.
 */
export type CellDelays = Readonly<Partial<Record<CellKind, number>>>;

/** The kinds a delay table must cover: every cell kind but the macros. */
export const PRIMITIVE_KINDS: readonly CellKind[] = CELL_KINDS.filter((k) => !MACROS.has(k));

/** Largest delay accepted (a million units: 1 us in picoseconds). */
const MAX_DELAY = 1_000_000;

function every(delay: number): CellDelays {
  return Object.fromEntries(PRIMITIVE_KINDS.map((k) => [k, delay]));
}

/** Zero delay for every cell: each net changes at most once per vector (the zero-delay model). */
export const ZERO_DELAYS: CellDelays = every(0);

/** One time unit per cell: glitches from unequal path lengths counted in gate levels. */
export const UNIT_DELAYS: CellDelays = every(1);

/**
 * The delay of each kind in `kinds`, checked: an integer from 0 to MAX_DELAY. Throws an
 * `InputError` naming the kind when one is missing or out of range.
 */
export function delaysFor(delays: CellDelays, kinds: Iterable<CellKind>): Map<CellKind, number> {
  const result = new Map<CellKind, number>();
  for (const kind of kinds) {
    if (result.has(kind)) continue;
    const d = delays[kind];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > MAX_DELAY) {
      throw new InputError(
        `the delay of cell kind ${kind} must be an integer from 0 to ${MAX_DELAY}, not ${show(d)}`,
      );
    }
    result.set(kind, d);
  }
  return result;
}
