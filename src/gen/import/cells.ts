import type { CellKind } from '../../ir/gates.js';

/**
 * How yosys' single-bit internal cells (the `$_…_` gate library that `synth` and
 * `abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX` produce) map onto the IR's closed cell set.
 *
 * | yosys cell | pins → Y          | IR                                    |
 * |------------|-------------------|---------------------------------------|
 * | $_BUF_     | A                 | buf                                   |
 * | $_NOT_     | A                 | not                                   |
 * | $_AND_ …   | A, B              | and, or, xor, nand, nor, xnor          |
 * | $_ANDNOT_  | A, B              | and(A, not B)                         |
 * | $_ORNOT_   | A, B              | or(A, not B)                          |
 * | $_MUX_     | A, B, S           | mux2(s = S, d0 = A, d1 = B)           |
 * | $_DFF_P_   | C, D → Q          | register (rising edge of the one clock) |
 *
 * Anything else (word-level `$add`, `$and`…, negative-edge or reset flip-flops, latches,
 * user modules left after flattening) has no IR equivalent and is refused by name.
 */
export interface GateMapping {
  readonly kind: CellKind;
  /** Input pins in the IR cell's input order. */
  readonly pins: readonly string[];
  /** Pin whose input is inverted first ($_ANDNOT_, $_ORNOT_). */
  readonly inverted?: string;
}

export const GATE_CELLS: Readonly<Record<string, GateMapping>> = {
  $_BUF_: { kind: 'buf', pins: ['A'] },
  $_NOT_: { kind: 'not', pins: ['A'] },
  $_AND_: { kind: 'and', pins: ['A', 'B'] },
  $_OR_: { kind: 'or', pins: ['A', 'B'] },
  $_XOR_: { kind: 'xor', pins: ['A', 'B'] },
  $_NAND_: { kind: 'nand', pins: ['A', 'B'] },
  $_NOR_: { kind: 'nor', pins: ['A', 'B'] },
  $_XNOR_: { kind: 'xnor', pins: ['A', 'B'] },
  $_ANDNOT_: { kind: 'and', pins: ['A', 'B'], inverted: 'B' },
  $_ORNOT_: { kind: 'or', pins: ['A', 'B'], inverted: 'B' },
  $_MUX_: { kind: 'mux2', pins: ['S', 'A', 'B'] },
};

/** The one flip-flop the IR has: D sampled on the rising edge of the implicit clock. */
export const FLIP_FLOP_CELL = '$_DFF_P_';
