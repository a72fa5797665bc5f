import { wrapInt } from '../../bits/fast.js';
import { floorShift } from '../../bits/fast-number.js';
import type { Netlist } from '../../ir/netlist.js';
import { allocPlanes, packGather } from '../../sim/bitplane.js';
import { compile } from '../../sim/compiled.js';
import { activityKernel } from '../../sim/wasm/activity-kernel.js';
import type { NodeCounter } from '../counters.js';
import { laneMask, unpackWide } from '../planes.js';
import { lanesToPlanes, planesToLanes } from './layout.js';
import { streamLayout } from './stream.js';

/**
 * Evaluates a combinational netlist on a stream of operand vectors (one array per input port,
 * values up to 53 bits, two's complement) with toggle counting, laid out by `streamLayout`.
 * Returns the requested output ports, sign-extended when `signed`, cut to `bits` bits when
 * given. The WebAssembly activity kernel runs when available (`simd`), else the simulator's
 * JavaScript activity kernel; both count the same toggles.
 * Cost: count/128 kernel evaluations plus a 32x32 transpose per 32 values of every port slice.
 */
export function runCombinational(
  netlist: Netlist,
  key: string,
  inputs: Readonly<Record<string, ArrayLike<number>>>,
  count: number,
  outputs: Readonly<Record<string, { bits?: number; signed: boolean }>>,
  counter: NodeCounter,
  simd = true,
): Record<string, Float64Array> {
  const layout = streamLayout(count);
  const { words, cycles } = layout;
  const index = (lane: number, t: number) => layout.index(lane, t);
  const ports = netlist.inputs.map((p) => p.name);
  const portPlanes = netlist.inputs.map((port) => {
    const width = port.bits.length;
    const values = inputs[port.name];
    if (!values) throw new Error(`netlist ${netlist.name}: no values for input ${port.name}`);
    const planes = allocPlanes(width, words * cycles);
    packGather(slices(values, width), width, planes, words, cycles, index);
    return planes;
  });
  const mask = laneMask(words, layout.lanes);
  const toggles = new Float64Array(netlist.netCount);
  const kernel = simd ? activityKernel(key, netlist, ports, []) : undefined;
  let cycleOutputs: (t: number, at: number, bits: number) => Int32Array[];
  if (kernel) {
    const views = kernel.layout(words / 4, cycles);
    let bit = 0;
    for (const planes of portPlanes) {
      planesToLanes(planes, words, cycles, views.lane, kernel.laneBits, bit);
      bit += planes.length;
    }
    views.masks.set(mask);
    views.run();
    kernel.addToggles(views, toggles);
    cycleOutputs = (t, at, bits) => {
      const planes = allocPlanes(bits, words);
      lanesToPlanes(views.out, words / 4, cycles, kernel.outBits, t, at, bits, planes);
      return planes;
    };
  } else {
    const sim = compile(netlist);
    const outPlanes = allocPlanes(sim.outputBits, words * cycles);
    sim.activityKernel()(portPlanes.flat(), outPlanes, [], words, cycles, toggles, mask);
    cycleOutputs = (t, at, bits) =>
      outPlanes.slice(at, at + bits).map((p) => p.subarray(t * words));
  }
  counter.activity({
    key,
    evaluations: count,
    transitions: count - layout.lanes,
    netToggles: toggles,
  });
  const result: Record<string, Float64Array> = {};
  const lanes = new Float64Array(words * 32);
  let offset = 0;
  const offsets = new Map<string, number>();
  for (const p of netlist.outputs) {
    offsets.set(p.name, offset);
    offset += p.bits.length;
  }
  for (const [name, want] of Object.entries(outputs)) {
    const port = netlist.outputs.find((p) => p.name === name);
    if (!port) throw new Error(`netlist ${netlist.name} has no output ${name}`);
    const bits = want.bits ?? port.bits.length;
    const out = new Float64Array(count);
    for (let t = 0; t < cycles; t++) {
      unpackWide(
        cycleOutputs(t, offsets.get(name) as number, bits),
        bits,
        words * 32,
        want.signed,
        0,
        lanes,
      );
      for (let lane = 0; lane < layout.lanes; lane++) {
        const i = lane * cycles + t;
        if (i < count) out[i] = lanes[lane];
      }
    }
    result[name] = out;
  }
  return result;
}

/** 32-bit slices of values up to 53 bits (low slice, then the high bits). */
function slices(values: ArrayLike<number>, width: number): ArrayLike<number>[] {
  if (width <= 32) return [values];
  const lo = new Int32Array(values.length);
  const hi = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    lo[i] = wrapInt(v, 32, true);
    hi[i] = floorShift(v, 32);
  }
  return [lo, hi];
}
