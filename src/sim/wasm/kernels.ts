import type { CellKind } from '../../ir/gates.js';
import type { Net, Netlist } from '../../ir/netlist.js';
import { combinationalOrder } from '../../ir/validate.js';
import {
  firstRows,
  TRANSPOSE_MASKS,
  type TransposeOp,
  transposePlan,
} from '../transpose-codegen.js';
import { Code, type FunctionDef, SIMD, V128 } from './encode.js';

/**
 * WebAssembly SIMD kernels of a combinational netlist: one v128 local per net, so every gate is
 * one to three 128-lane operations (fa = xor, xor, bitselect; mux2 = bitselect; nand/nor/xnor =
 * op + not). Two functions, both `(inPtr, outPtr, groups)` over 128-lane groups:
 *
 * - `planes`: inputs already in bit-plane form, interleaved by group: the 16 bytes of input bit
 *   b of group k at `inPtr + (k·inputBits + b)·16` (i32 lane j holds lanes 128k+32j .. +31);
 *   outputs likewise.
 * - `words`: word vectors in, word vectors out (ports of at most 32 bits), transposed inside the
 *   kernel: port p's values at `inPtr + p·CHUNK·4`, 128 vectors per group. The 32 v128 rows of a
 *   group are loaded as they lie in memory (row r = vectors 4r .. 4r+3), so i32 lane j of every
 *   row holds the 32 vectors {4r + j}: four independent 32x32 transposes at once, and the lane
 *   order cancels out when the outputs are transposed back and stored the same way.
 */
export const CHUNK = 4096;

interface Locals {
  /** v128 local of a named value: `n<net>` for nets, transpose temporaries otherwise. */
  of(name: string): number;
  net(net: Net): number;
  count(): number;
}

const PARAMS = 3; // inPtr, outPtr, groups

function locals(netCount: number): Locals {
  const named = new Map<string, number>();
  let next = PARAMS + netCount;
  const net = (n: Net) => PARAMS + n;
  return {
    net,
    of(name) {
      if (name === '0') return net(0);
      const m = /^n(\d+)$/.exec(name);
      if (m) return net(Number(m[1]));
      let i = named.get(name);
      if (i === undefined) named.set(name, (i = next++));
      return i;
    },
    count: () => next - PARAMS,
  };
}

/**
 * The gate table of every WebAssembly kernel (these and the activity kernel): one cell as
 * 128-lane operations on v128 locals. Two-input gates: the SIMD operation, and whether its
 * result is inverted.
 */
const BINARY: Partial<Record<CellKind, [op: number, invert: boolean]>> = {
  and: [SIMD.and, false],
  or: [SIMD.or, false],
  xor: [SIMD.xor, false],
  nand: [SIMD.and, true],
  nor: [SIMD.or, true],
  xnor: [SIMD.xor, true],
};

export function emitGate(
  c: Code,
  kind: CellKind,
  ins: readonly number[],
  outs: readonly number[],
  tmp: number,
): void {
  const [a, b, s] = ins;
  const binary = BINARY[kind];
  if (binary) {
    c.get(a).get(b).simd(binary[0]);
    if (binary[1]) c.simd(SIMD.not);
    c.set(outs[0]);
    return;
  }
  switch (kind) {
    case 'not':
      c.get(a).simd(SIMD.not).set(outs[0]);
      return;
    case 'buf':
      c.get(a).set(outs[0]);
      return;
    case 'mux2': // ins = sel, d0, d1: bitselect(d1, d0, sel)
      c.get(s).get(b).get(a).simd(SIMD.bitselect).set(outs[0]);
      return;
    case 'ha':
      c.get(a).get(b).simd(SIMD.xor).set(outs[0]);
      c.get(a).get(b).simd(SIMD.and).set(outs[1]);
      return;
    case 'fa': // t = a^b; sum = t^c; cout = t ? c : a
      c.get(a).get(b).simd(SIMD.xor).set(tmp);
      c.get(tmp).get(s).simd(SIMD.xor).set(outs[0]);
      c.get(s).get(a).get(tmp).simd(SIMD.bitselect).set(outs[1]);
      return;
  }
}

function gates(c: Code, netlist: Netlist, L: Locals): void {
  const order = combinationalOrder(netlist);
  if (order === undefined) throw new Error(`netlist ${netlist.name} has a combinational cycle`);
  const tmp = L.of('fa_t');
  for (const ci of order) {
    const cell = netlist.cells[ci];
    emitGate(c, cell.kind, cell.inputs.map(L.net), cell.outputs.map(L.net), tmp);
  }
}

/** The group loop: `body`, then advance both pointers, until `groups` reaches 0. */
function loop(c: Code, inStep: number, outStep: number, body: () => void): void {
  c.op(0x02, 0x40, 0x03, 0x40); // block, loop
  c.get(2).op(0x45, 0x0d, 1); // groups == 0: leave
  body();
  c.get(0).i32(inStep).op(0x6a).set(0);
  c.get(1).i32(outStep).op(0x6a).set(1);
  c.get(2).i32(1).op(0x6b).set(2);
  c.op(0x0c, 0, 0x0b, 0x0b); // br loop; end loop; end block
}

function ones(c: Code, L: Locals): void {
  c.splat(-1).set(L.net(1));
}

export function planesFunction(netlist: Netlist): FunctionDef {
  const L = locals(netlist.netCount);
  const c = new Code();
  ones(c, L);
  const ins = netlist.inputs.flatMap((p) => p.bits);
  const outs = netlist.outputs.flatMap((p) => p.bits);
  loop(c, ins.length * 16, outs.length * 16, () => {
    ins.forEach((net, b) =>
      c
        .get(0)
        .load(b * 16)
        .set(L.net(net)),
    );
    gates(c, netlist, L);
    outs.forEach((net, o) =>
      c
        .get(1)
        .get(L.net(net))
        .store(o * 16),
    );
  });
  return { name: 'planes', params: PARAMS, locals: [{ count: L.count(), type: V128 }], code: c };
}

function emitTranspose(
  c: Code,
  ops: readonly TransposeOp[],
  L: Locals,
  mask: (j: number) => number,
) {
  for (const o of ops) {
    switch (o.op) {
      case 'swapMask':
        c.get(L.of(o.a)).i32(o.j).simd(SIMD.i32x4ShrU).get(L.of(o.b)).simd(SIMD.xor);
        c.get(mask(o.j)).simd(SIMD.and).set(L.of(o.dst));
        break;
      case 'shiftMask':
        c.get(L.of(o.a)).i32(o.j).simd(SIMD.i32x4ShrU).get(mask(o.j)).simd(SIMD.and);
        c.set(L.of(o.dst));
        break;
      case 'mask':
        c.get(L.of(o.a)).get(mask(o.j)).simd(SIMD.and).set(L.of(o.dst));
        break;
      case 'xorShifted':
        c.get(L.of(o.a)).get(L.of(o.t)).i32(o.j).simd(SIMD.i32x4Shl).simd(SIMD.xor);
        c.set(L.of(o.dst));
        break;
      case 'shiftLeft':
        c.get(L.of(o.t)).i32(o.j).simd(SIMD.i32x4Shl).set(L.of(o.dst));
        break;
      case 'xor':
        c.get(L.of(o.a)).get(L.of(o.t)).simd(SIMD.xor).set(L.of(o.dst));
        break;
    }
  }
}

export function wordsFunction(netlist: Netlist): FunctionDef {
  const L = locals(netlist.netCount);
  const c = new Code();
  ones(c, L);
  const mask = (j: number) => L.of(`mask${j}`);
  for (const j of [16, 8, 4, 2, 1]) c.splat(TRANSPOSE_MASKS[j]).set(mask(j));
  loop(c, 512, 512, () => {
    netlist.inputs.forEach((port, p) => {
      const rows = Array.from({ length: 32 }, (_, r) => `in${p}_${r}`);
      rows.forEach((row, r) =>
        c
          .get(0)
          .load(p * CHUNK * 4 + r * 16)
          .set(L.of(row)),
      );
      const plan = transposePlan(rows, firstRows(port.bits.length), `ti${p}_`);
      emitTranspose(c, plan.ops, L, mask);
      port.bits.forEach((net, bit) => c.get(L.of(plan.rows[bit])).set(L.net(net)));
    });
    gates(c, netlist, L);
    netlist.outputs.forEach((port, q) => {
      const width = port.bits.length;
      const rows = Array.from({ length: 32 }, (_, bit) =>
        bit < width && port.bits[bit] !== 0 ? `n${port.bits[bit]}` : '0',
      );
      const plan = transposePlan(rows, firstRows(32), `to${q}_`);
      emitTranspose(c, plan.ops, L, mask);
      const shift = 32 - width;
      plan.rows.forEach((row, r) => {
        c.get(1).get(L.of(row));
        if (port.signed && shift > 0) {
          c.i32(shift).simd(SIMD.i32x4Shl).i32(shift).simd(SIMD.i32x4ShrS);
        }
        c.store(q * CHUNK * 4 + r * 16);
      });
    });
  });
  return { name: 'words', params: PARAMS, locals: [{ count: L.count(), type: V128 }], code: c };
}
