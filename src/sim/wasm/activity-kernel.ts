import type { Net, Netlist } from '../../ir/netlist.js';
import { assertValidNetlist } from '../../ir/validate.js';
import { buildFunction, countedNets, MAX_CYCLES } from './activity-codegen.js';
import { WasmModule } from './module.js';

/**
 * The compiled kernel with its memory. `run` copies nothing itself: callers write the lane,
 * broadcast and mask regions through `views`, call `run`, and read outputs and toggles back.
 */
export class ActivityKernel {
  readonly counted: readonly Net[];
  readonly laneBits: number;
  readonly bcastBits: number;
  readonly outBits: number;
  private readonly module: WasmModule;

  private constructor(
    readonly netlist: Netlist,
    module: WasmModule,
    lanePorts: readonly string[],
    bcastPorts: readonly string[],
  ) {
    this.module = module;
    this.counted = countedNets(netlist);
    const bits = (names: readonly string[]) =>
      names.reduce(
        (s, name) => s + (netlist.inputs.find((p) => p.name === name)?.bits.length ?? 0),
        0,
      );
    this.laneBits = bits(lanePorts);
    this.bcastBits = bits(bcastPorts);
    this.outBits = netlist.outputs.reduce((s, p) => s + p.bits.length, 0);
  }

  static create(
    netlist: Netlist,
    lanePorts: readonly string[],
    bcastPorts: readonly string[],
  ): ActivityKernel | undefined {
    assertValidNetlist(netlist);
    const module = WasmModule.create([buildFunction(netlist, lanePorts, bcastPorts)]);
    return module && new ActivityKernel(netlist, module, lanePorts, bcastPorts);
  }

  /**
   * Lays out memory for `groups` groups of `cycles` cycles and returns Int32Array views of each
   * region (4 words per 128-lane value). Views are invalidated by the next `layout` call.
   */
  layout(groups: number, cycles: number): KernelViews {
    if (cycles > MAX_CYCLES)
      throw new Error(`at most ${MAX_CYCLES} cycles per call, not ${cycles}`);
    const sizes = {
      lane: groups * cycles * this.laneBits * 16,
      bcast: cycles * this.bcastBits * 16,
      out: groups * cycles * this.outBits * 16,
      masks: groups * 16,
      toggles: this.counted.length * 16,
    };
    let at = 0;
    const offsets: Record<keyof typeof sizes, number> = {
      lane: 0,
      bcast: 0,
      out: 0,
      masks: 0,
      toggles: 0,
    };
    for (const key of Object.keys(sizes) as (keyof typeof sizes)[]) {
      offsets[key] = at;
      at += sizes[key];
    }
    const buffer = this.module.buffer(at);
    const view = (key: keyof typeof sizes) => new Int32Array(buffer, offsets[key], sizes[key] / 4);
    const views = {
      lane: view('lane'),
      bcast: view('bcast'),
      out: view('out'),
      masks: view('masks'),
      toggles: view('toggles'),
    };
    views.toggles.fill(0);
    return {
      ...views,
      groups,
      cycles,
      run: () =>
        this.module.exports.run(
          offsets.lane,
          offsets.bcast,
          offsets.out,
          offsets.toggles,
          offsets.masks,
          groups,
          cycles,
        ),
    };
  }

  /** Adds the toggle totals of the last run into `netToggles` (indexed by net id). */
  addToggles(views: KernelViews, netToggles: Float64Array): void {
    this.counted.forEach((net, k) => {
      const t = views.toggles;
      netToggles[net] += t[4 * k] + t[4 * k + 1] + t[4 * k + 2] + t[4 * k + 3];
    });
  }
}

export interface KernelViews {
  readonly lane: Int32Array;
  readonly bcast: Int32Array;
  readonly out: Int32Array;
  readonly masks: Int32Array;
  readonly toggles: Int32Array;
  readonly groups: number;
  readonly cycles: number;
  run(): void;
}

const kernels = new Map<string, ActivityKernel | null>();

/** The kernel of a netlist for given lane/broadcast ports, compiled once per process. */
export function activityKernel(
  key: string,
  netlist: Netlist,
  lanePorts: readonly string[],
  bcastPorts: readonly string[],
): ActivityKernel | undefined {
  const k = `${key}|${lanePorts.join(',')}|${bcastPorts.join(',')}`;
  if (!kernels.has(k))
    kernels.set(k, ActivityKernel.create(netlist, lanePorts, bcastPorts) ?? null);
  return kernels.get(k) ?? undefined;
}
