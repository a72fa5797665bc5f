import { netlistFor, weightLayerSpec } from '../engine/gate/netlists.js';
import type { Datapath } from '../engine/kernels/registry.js';
import { InputError } from '../errors.js';
import { formatDuration, formatSig } from '../format.js';
import type { IntegerGraph, WeightNode } from '../quant/graph.js';

/**
 * Nanoseconds per net evaluation (one net, one lane) on one thread: LeNet-5's AdderNet, CNN and
 * BNN took 0.18 to 0.85 ns at gate level (100 images, built code, one and two threads, on a
 * 2-core machine whose load average was about 2.5); the bound takes 0.5 ns and divides by the
 * threads.
 */
const NS_PER_NET_LANE = 0.5;

/**
 * How long the gate backend takes, estimated before it starts, so that a run too big for the
 * machine is refused with the flag that raises the limit (as `datapath --max-seconds` does).
 * The work is the weight layers' netlist evaluations — a PE steps K + 1 cycles per output, an
 * XNOR-popcount evaluates once per output — times the nets of each netlist: net-lanes per image.
 * BatchNorm, pooling and the rest are a small share and left out.
 */
export function gateNetLanes(graph: IntegerGraph, datapath: Datapath): number {
  let lanes = 0;
  for (const node of graph.nodes) {
    if (node.op !== 'weight') continue;
    const w = node as WeightNode;
    const nets = netlistFor(weightLayerSpec(w, datapath)).netCount;
    const cycles = w.kind === 'binary' ? 1 : w.taps + 1;
    lanes += w.pixels * w.outChannels * cycles * nets;
  }
  return lanes;
}

/** The estimated seconds of `lanes` net evaluations spread over `threads` threads. */
export const gateSeconds = (lanes: number, threads: number): number =>
  (lanes * NS_PER_NET_LANE) / 1e9 / threads;

/**
 * Refuses a gate-level run whose estimated time exceeds `maxSeconds`, before anything runs:
 * one line with the run, the estimate and the flags that change it.
 */
export function checkGateTime(
  graph: IntegerGraph,
  datapath: Datapath,
  images: number,
  threads: number,
  maxSeconds: number,
  model: string,
): void {
  const lanes = gateNetLanes(graph, datapath) * images;
  const seconds = gateSeconds(lanes, threads);
  if (seconds <= maxSeconds) return;
  throw new InputError(
    `--backend gate over ${images} images of ${model} (${formatSig(lanes)} net evaluations) takes about ${formatDuration(seconds)} on ${threads} thread${threads === 1 ? '' : 's'}, over the --max-seconds limit of ${maxSeconds} s; give fewer images (--limit) or raise --max-seconds`,
  );
}
