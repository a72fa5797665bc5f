/**
 * The closed cell set of the netlist IR, and its semantics.
 *
 * | kind  | inputs       | outputs      | meaning (bitwise, on every lane)           |
 * |-------|--------------|--------------|--------------------------------------------|
 * | and   | a, b         | y            | y = a & b                                  |
 * | or    | a, b         | y            | y = a \| b                                 |
 * | xor   | a, b         | y            | y = a ^ b                                  |
 * | nand  | a, b         | y            | y = ~(a & b)                               |
 * | nor   | a, b         | y            | y = ~(a \| b)                              |
 * | xnor  | a, b         | y            | y = ~(a ^ b)                               |
 * | not   | a            | y            | y = ~a                                     |
 * | buf   | a            | y            | y = a                                      |
 * | mux2  | s, d0, d1    | y            | y = s ? d1 : d0                            |
 * | fa    | a, b, c      | sum, cout    | full adder (macro): sum = a^b^c, cout = maj |
 * | ha    | a, b         | sum, cout    | half adder (macro): sum = a^b, cout = a&b  |
 *
 * `fa` and `ha` are macro cells: `expandMacros` turns them into the primitive gates above.
 * Registers (D flip-flops) are not cells: they live in `Netlist.registers`.
 */
export const CELL_KINDS = [
  'and',
  'or',
  'xor',
  'nand',
  'nor',
  'xnor',
  'not',
  'buf',
  'mux2',
  'fa',
  'ha',
] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** Number of inputs and outputs of each cell kind. */
export const CELL_ARITY: Readonly<Record<CellKind, { inputs: number; outputs: number }>> = {
  and: { inputs: 2, outputs: 1 },
  or: { inputs: 2, outputs: 1 },
  xor: { inputs: 2, outputs: 1 },
  nand: { inputs: 2, outputs: 1 },
  nor: { inputs: 2, outputs: 1 },
  xnor: { inputs: 2, outputs: 1 },
  not: { inputs: 1, outputs: 1 },
  buf: { inputs: 1, outputs: 1 },
  mux2: { inputs: 3, outputs: 1 },
  fa: { inputs: 3, outputs: 2 },
  ha: { inputs: 2, outputs: 2 },
};

/** Cells whose inputs may be swapped without changing the result (mux2's select may not). */
/** @public (the closed gate set's named groups, documented here) */
export const COMMUTATIVE: ReadonlySet<CellKind> = new Set([
  'and',
  'or',
  'xor',
  'nand',
  'nor',
  'xnor',
  'fa',
  'ha',
]);
/** Cells whose output is the complement of another kind's. */
/** @public (the closed gate set's named groups, documented here) */
export const INVERTING: ReadonlySet<CellKind> = new Set(['nand', 'nor', 'xnor', 'not']);
/** Macro cells, expanded to primitive gates on request. */
/** @public (the closed gate set's named groups, documented here) */
export const MACROS: ReadonlySet<CellKind> = new Set(['fa', 'ha']);

/**
 * The living definition of every cell: pure functions on 32-bit words, one lane per bit. The
 * scalar reference simulator uses lane 0; the bit-parallel simulator all 32 lanes (its generated
 * code must agree with this table; the conformance suite checks that it does).
 * Each returns the outputs in order.
 */
export const CELL_SEMANTICS: Readonly<Record<CellKind, (...inputs: number[]) => number[]>> = {
  and: (a, b) => [a & b],
  or: (a, b) => [a | b],
  xor: (a, b) => [a ^ b],
  nand: (a, b) => [~(a & b)],
  nor: (a, b) => [~(a | b)],
  xnor: (a, b) => [~(a ^ b)],
  not: (a) => [~a],
  buf: (a) => [a],
  mux2: (s, d0, d1) => [(s & d1) | (~s & d0)],
  fa: (a, b, c) => [a ^ b ^ c, (a & b) | (a & c) | (b & c)],
  ha: (a, b) => [a ^ b, a & b],
};
