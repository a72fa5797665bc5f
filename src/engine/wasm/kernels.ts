import { Code, type FunctionDef, I32, OP, V128 } from '../../sim/wasm/encode.js';

/**
 * The int8 layer kernels as WebAssembly SIMD, generated at run time. Both compute, for `rows`
 * operand rows x (kp bytes each) and `blocks`·4 weight rows w (kp bytes each, 4 output
 * channels per pass so every x vector is loaded once for four channels):
 *   out[q·4·blocks + o] = Σ_r f(x[q, r], w[o, r]),   r < kp
 * - `sad` (AdderNet, unsigned bytes): f = |x − w| = max_u(x, w) − min_u(x, w), which fits an
 *   unsigned byte; 16 differences are widened by i16x8.extadd_pairwise_i8x16_u into 8 sums of
 *   pairs (≤ 510) and added into i16 lanes, flushed into i32 lanes
 *   (i32x4.extadd_pairwise_i16x8_u) every 128 vectors, before 128·510 + 510 could pass 65,535.
 *   5 SIMD operations per 16 taps and channel.
 * - `dot` (multiply layers, signed bytes): f = x·w; 8 bytes of each operand sign-extended to
 *   i16 on load (v128.load8x8_s), multiplied and pairwise added by i32x4.dot_i16x8_s. Sums are
 *   exact while K·2^14 < 2^31.
 * kp is a multiple of 16; rows, blocks ≥ 1 (loops test at the end).
 */

const SIMD_OP = {
  load8x8s: 0x01,
  extractLane: 0x1b,
  i8x16Sub: 0x71,
  i8x16MinU: 0x77,
  i8x16MaxU: 0x79,
  i16x8ExtaddPairwiseU8: 0x7d,
  i32x4ExtaddPairwiseU16: 0x7f,
  i16x8Add: 0x8e,
  i32x4Add: 0xae,
  i32x4DotI16: 0xba,
} as const;

const I32_STORE = 0x36;
const I32_LT_U = 0x49;
const I32_NE = 0x47;
const SELECT = 0x1b;
const VOID = 0x40;

// Parameters and locals (indices).
const X = 0;
const W = 1;
const OUT = 2;
const ROWS = 3;
const KP = 4;
const BLOCKS = 5;
const XROW = 6;
const WB = 7;
const C = 8;
const K = 9;
const KEND = 10;
const W1 = 11;
const W2 = 12;
const W3 = 13;
const Q = 14;
const OPTR = 15;
const XV = 16;
const WV = 17;
const ACC = [18, 19, 20, 21];
const HALF = [22, 23, 24, 25];
const LOCALS = [
  { count: 10, type: I32 },
  { count: 10, type: V128 },
];

function addTo(c: Code, local: number, amount: () => void): void {
  c.get(local);
  amount();
  c.op(OP.i32Add).set(local);
}

function zero(c: Code, locals: readonly number[]): void {
  for (const l of locals) c.splat(0).set(l);
}

/** The loops over rows and channel blocks around `body` (which consumes one block's window). */
function frame(c: Code, body: (c: Code) => void): void {
  c.get(OUT).set(OPTR).get(X).set(XROW).get(ROWS).set(Q);
  c.op(OP.loop, VOID);
  c.get(W).set(WB).get(BLOCKS).set(C);
  c.op(OP.loop, VOID);
  c.get(WB).get(KP).op(OP.i32Add).set(W1);
  c.get(W1).get(KP).op(OP.i32Add).set(W2);
  c.get(W2).get(KP).op(OP.i32Add).set(W3);
  zero(c, ACC);
  c.i32(0).set(K);
  body(c);
  ACC.forEach((a, j) => {
    c.get(OPTR);
    c.get(a).simd(SIMD_OP.extractLane).op(0);
    for (let lane = 1; lane < 4; lane++) {
      c.get(a).simd(SIMD_OP.extractLane).op(lane).op(OP.i32Add);
    }
    c.op(I32_STORE, 2, 4 * j);
  });
  addTo(c, OPTR, () => c.i32(16));
  c.get(W3).get(KP).op(OP.i32Add).set(WB);
  c.get(C).i32(1).op(OP.i32Sub).set(C);
  c.get(C).i32(0).op(I32_NE).op(OP.brIf, 0);
  c.op(OP.end);
  addTo(c, XROW, () => c.get(KP));
  c.get(Q).i32(1).op(OP.i32Sub).set(Q);
  c.get(Q).i32(0).op(I32_NE).op(OP.brIf, 0);
  c.op(OP.end);
}

export function sadFunction(): FunctionDef {
  const c = new Code();
  frame(c, (c) => {
    c.op(OP.loop, VOID);
    zero(c, HALF);
    // kend = min(k + 2048, kp): 128 vectors of 16 bytes between flushes.
    c.get(K).i32(2048).op(OP.i32Add).get(KP);
    c.get(K).i32(2048).op(OP.i32Add).get(KP).op(I32_LT_U);
    c.op(SELECT).set(KEND);
    c.op(OP.loop, VOID);
    c.get(XROW).get(K).op(OP.i32Add).load(0).set(XV);
    [WB, W1, W2, W3].forEach((wr, j) => {
      c.get(wr).get(K).op(OP.i32Add).load(0).set(WV);
      c.get(HALF[j]);
      c.get(XV).get(WV).simd(SIMD_OP.i8x16MaxU);
      c.get(XV).get(WV).simd(SIMD_OP.i8x16MinU);
      c.simd(SIMD_OP.i8x16Sub).simd(SIMD_OP.i16x8ExtaddPairwiseU8).simd(SIMD_OP.i16x8Add);
      c.set(HALF[j]);
    });
    addTo(c, K, () => c.i32(16));
    c.get(K).get(KEND).op(I32_LT_U).op(OP.brIf, 0);
    c.op(OP.end);
    ACC.forEach((a, j) => {
      c.get(a).get(HALF[j]).simd(SIMD_OP.i32x4ExtaddPairwiseU16).simd(SIMD_OP.i32x4Add).set(a);
    });
    c.get(K).get(KP).op(I32_LT_U).op(OP.brIf, 0);
    c.op(OP.end);
  });
  return { name: 'sad', params: 6, locals: LOCALS, code: c };
}

export function dotFunction(): FunctionDef {
  const c = new Code();
  frame(c, (c) => {
    c.op(OP.loop, VOID);
    c.get(XROW).get(K).op(OP.i32Add).simd(SIMD_OP.load8x8s).op(3, 0).set(XV);
    [WB, W1, W2, W3].forEach((wr, j) => {
      c.get(ACC[j]).get(XV);
      c.get(wr).get(K).op(OP.i32Add).simd(SIMD_OP.load8x8s).op(3, 0);
      c.simd(SIMD_OP.i32x4DotI16).simd(SIMD_OP.i32x4Add).set(ACC[j]);
    });
    addTo(c, K, () => c.i32(8));
    c.get(K).get(KP).op(I32_LT_U).op(OP.brIf, 0);
    c.op(OP.end);
  });
  return { name: 'dot', params: 6, locals: LOCALS, code: c };
}
