import { bitLength } from '../bits/bit-length.js';
import { InputError } from '../errors.js';
import type { GlobalPoolNode, PoolNode } from '../nn/graph.js';
import {
  type AddNode,
  type AlignStep,
  type AvgpoolNode,
  type CodesFormat,
  type IntNode,
  storedBits,
  type TensorFormat,
} from './graph.js';
import { multiplyShiftFor } from './requant.js';
import { codeRange, roundNearest } from './widths.js';

/**
 * The integer nodes of general graphs: residual adds whose branches carry different scales, and
 * average pools. Both requantize, so both are code sources (formats.ts).
 */

function singlePlane(net: string, id: string, f: TensorFormat): CodesFormat {
  if (f.kind !== 'codes' || f.planes !== 1) {
    throw new InputError(`${net}: node ${id} must read single-plane codes (use --groups 1)`);
  }
  return f;
}

export interface AddInput {
  readonly id: string;
  readonly shape: readonly number[];
  readonly inputs: readonly [IntNode, IntNode];
  readonly format: TensorFormat;
  readonly bits: number;
}

/**
 * A branch already in the output's scale (the same scale: a BatchNorm quantized straight to it)
 * is added as it is; the other is aligned by a multiply-shift with the rounding half-LSB folded
 * into its addend (requant.ts), exact for every code the branch can hold.
 */
export function buildAdd(input: AddInput): AddNode {
  const out = singlePlane('graph', input.id, input.format);
  const { lo, hi } = codeRange(out.bits, out.signed);
  const b = input.bits;
  const align = input.inputs.map((n): AlignStep | null => {
    const f = singlePlane('graph', input.id, n.format);
    if (n.op === 'bn' && f === out) return null;
    const range = codeRange(f.bits, f.signed);
    const addBits = f.bits + b;
    // The aligned value may exceed the output range before the sum; the output clamp follows it.
    const wide = 2 ** (addBits - 1);
    const ms = multiplyShiftFor(
      f.scales[0] / out.scales[0],
      0,
      { lo: -wide, hi: wide - 1, accLo: range.lo, accHi: range.hi },
      b,
      addBits,
    );
    return { ...ms, addBits };
  }) as [AlignStep | null, AlignStep | null];
  return {
    op: 'add',
    id: input.id,
    input: input.inputs[0].id,
    second: input.inputs[1].id,
    shape: input.shape,
    format: out,
    inBits: [storedBits(input.inputs[0].format), storedBits(input.inputs[1].format)],
    mulBits: b,
    align,
    lo,
    hi,
  };
}

export interface AvgpoolInput {
  readonly node: PoolNode | GlobalPoolNode;
  readonly shape: readonly number[];
  readonly from: IntNode;
  readonly format: TensorFormat;
  readonly bits: number;
}

export function buildAvgpool(input: AvgpoolInput): AvgpoolNode {
  const { node, from, bits } = input;
  const inF = singlePlane('graph', node.id, from.format);
  const out = singlePlane('graph', node.id, input.format);
  const [, h, w] = from.shape;
  const pool = node.op === 'globalavgpool' ? null : node;
  const kernelH = pool ? pool.kernel : h;
  const kernelW = pool ? pool.kernel : w;
  const window = kernelH * kernelW;
  const inBits = storedBits(from.format);
  // The budget's width of a sum of `window` signed inBits-wide values; unsigned codes need one
  // more bit to be held as signed.
  const sumBits = (inF.signed ? inBits : inBits + 1) + bitLength(BigInt(window - 1));
  const slope = inF.scales[0] / (window * out.scales[0]);
  const mMax = 2 ** (bits - 1) - 1;
  let shift = Math.floor(Math.log2(mMax / slope));
  while (roundNearest(slope * 2 ** shift) > mMax) shift--;
  const multiplier = roundNearest(slope * 2 ** shift);
  const { lo, hi } = codeRange(out.bits, out.signed);
  return {
    op: 'avgpool',
    id: node.id,
    input: from.id,
    shape: input.shape,
    format: out,
    kernelH,
    kernelW,
    stride: pool ? (pool.stride ?? pool.kernel) : 1,
    padding: pool ? (pool.padding ?? 0) : 0,
    inBits,
    sumBits,
    mulBits: bits,
    multiplier,
    shift,
    lo,
    hi,
  };
}
