import type { LayerWork } from '../cost/layer-work.js';
import type { OpCount } from '../cost/ops.js';
import type { GraphNode, LayerKind, Role } from '../nn/graph.js';
import type { PaperCounts } from './conventions.js';

/** Where a node's operations are reported in the totals' `groups`. */
export type OpGroup = 'body' | 'stemAndClassifier' | 'batchnorm' | 'other';
export const OP_GROUPS: readonly OpGroup[] = ['body', 'stemAndClassifier', 'batchnorm', 'other'];

export interface NodeCount {
  readonly id: string;
  readonly op: GraphNode['op'];
  readonly role?: Role;
  readonly kind?: LayerKind;
  readonly group: OpGroup;
  /** Shape of each input ([C, H, W] or [F]). */
  readonly inShapes: readonly (readonly number[])[];
  readonly outShape: readonly number[];
  /** Width the output is stored at (1 when binarized). */
  readonly outBits: number;
  /** The GEMM view (conv and linear only). */
  readonly work?: LayerWork;
  /** Taps that read zero padding (conv only; included in the tap counts). */
  readonly paddedTaps?: number;
  readonly params: number;
  /** Compute primitives, merged and sorted. */
  readonly ops: readonly OpCount[];
  /** sram-read / sram-write, merged and sorted. */
  readonly memory: readonly OpCount[];
  /** Parameter values read (part of the sram-read counts). */
  readonly weightReads: number;
  readonly weightReadBits: number;
  /** BatchNorm elements normalized (BN nodes only). */
  readonly bn: number;
  readonly paper: PaperCounts;
}
