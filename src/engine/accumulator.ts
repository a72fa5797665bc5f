import type { WeightNode } from '../quant/graph.js';
import type { AccOverflow, QuantOptions } from '../quant/options.js';
import { datasetFor } from './datasets.js';
import { type PreparedNetwork, requantize } from './network.js';
import { runParallel } from './parallel.js';

/**
 * Accumulator width against accuracy: the body layers' accumulators forced to each width in
 * turn, once wrapping (WRAP) and once saturating (SAT), on the first `limit` test images with
 * the functional backend (bit-identical to the gate backend). `fullWidthBits` is the widest
 * overflow-free body accumulator: from there on nothing can overflow, so accuracy equals the
 * unconstrained run. Cost: 2 · widths functional runs; the calibration is reused.
 */
export interface AccumulatorPoint {
  readonly accBits: number;
  readonly wrapCorrect: number;
  readonly satCorrect: number;
  /** Dot products that overflowed (WRAP) or saturated (SAT), over all images. */
  readonly wrapEvents: number;
  readonly satEvents: number;
}

export interface AccumulatorCurve {
  readonly model: string;
  readonly variant: string;
  readonly bits: number;
  readonly images: number;
  readonly fullWidthBits: number;
  readonly points: readonly AccumulatorPoint[];
}

export async function accumulatorSweep(
  prepared: PreparedNetwork,
  widths: readonly number[],
  options: QuantOptions & { readonly limit?: number; readonly threads?: number } = {},
): Promise<AccumulatorCurve> {
  const test = datasetFor(prepared.checkpoint, 'test', prepared.path);
  const limit = options.limit ?? test.count;
  const base = requantize(prepared, { ...options, accBits: undefined });
  const body = base.graph.nodes.filter(
    (n): n is WeightNode => n.op === 'weight' && n.role === 'body',
  );
  const fullWidthBits = Math.max(...body.map((w) => w.naturalAccBits));
  const points: AccumulatorPoint[] = [];
  for (const accBits of widths) {
    const run = async (overflow: AccOverflow) => {
      const graph = requantize(prepared, { ...options, accBits, overflow }).graph;
      const r = await runParallel(graph, test.images, limit, { threads: options.threads });
      let correct = 0;
      for (let i = 0; i < limit; i++) if (r.predictions[i] === test.labels[i]) correct++;
      return { correct, events: r.nodes.reduce((s, n) => s + n.overflowEvents, 0) };
    };
    const wrap = await run('wrap');
    const sat = await run('sat');
    points.push({
      accBits,
      wrapCorrect: wrap.correct,
      satCorrect: sat.correct,
      wrapEvents: wrap.events,
      satEvents: sat.events,
    });
  }
  return {
    model: prepared.path,
    variant: base.graph.variant,
    bits: base.graph.options.bits,
    images: limit,
    fullWidthBits,
    points,
  };
}
