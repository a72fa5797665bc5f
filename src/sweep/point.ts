import type { TableCost } from '../cost/price-inference.js';
import type { CostTable } from '../cost/table-types.js';
import { loadTable } from '../cost/tables.js';
import { DEFAULT_DATAPATH } from '../engine/run.js';
import { type Checkpoint, loadCheckpoint } from '../nn/checkpoint.js';
import { gateNetLanes } from '../pipeline/gate-time.js';
import { measureNetwork, type NetworkResult } from '../pipeline/measure.js';
import { type PreparedNetwork, prepareCheckpoint, requantize } from '../pipeline/prepare.js';
import { checkSlots } from '../pipeline/slots.js';
import type { SweepPoint, SweepRecord, SweepSpec } from './spec.js';
import { sweepSettings } from './spec.js';

/**
 * Where a point's inputs come from: by default the sweep's own paths (`spec.model`, each table
 * by name or path); a queue worker brings the bytes it has checked against the job's hashes.
 * Either way the record names the inputs as the sweep spec does, so it is the same bytes.
 */
export interface PointSources {
  checkpoint(): Checkpoint;
  table(nameOrPath: string): CostTable;
}

function localSources(spec: SweepSpec): PointSources {
  return {
    checkpoint: () => loadCheckpoint(spec.model),
    table: (name) => loadTable(name, '--table'),
  };
}

/**
 * Computes one sweep point. Accuracy and counts come from a functional run on `limit` images
 * (they do not depend on the adder architecture or |a−b| variant, so that run is shared by
 * every point with the same bits and accumulator width); op-level, FPGA and CPU tables price its
 * counts. A cell table needs switching activity: a gate-level run of the point's datapath on the
 * first `gateImages` images gives it (stated in the record as `toggleImages`). Results depend only
 * on the point, never on which worker computed it or what it computed before.
 */
export class PointComputer {
  private prepared: PreparedNetwork | undefined;
  private readonly functional = new Map<string, Promise<NetworkResult>>();
  private readonly gate = new Map<string, Promise<NetworkResult>>();
  private readonly tables = new Map<string, CostTable>();

  constructor(
    readonly spec: SweepSpec,
    private readonly sources: PointSources = localSources(spec),
  ) {}

  private table(name: string): CostTable {
    let t = this.tables.get(name);
    if (!t) {
      t = this.sources.table(name);
      this.tables.set(name, t);
    }
    return t;
  }

  private base(): PreparedNetwork {
    this.prepared ??= prepareCheckpoint(this.sources.checkpoint(), this.spec.model, {
      groups: this.spec.groups,
      data: this.spec.data,
      calibration: this.spec.calibration,
    });
    return this.prepared;
  }

  private quant(point: SweepPoint) {
    return {
      bits: point.bits,
      accBits: point.accBits ?? undefined,
      bn: this.spec.bn,
      overflow: this.spec.overflow,
      groups: this.spec.groups,
    };
  }

  /**
   * Checks a point's slot circuits against the network (one line naming the flag, as `infer`
   * gives), and returns the gate-level run it needs on a cell table — its key (points sharing
   * it share the run) and net evaluations (pipeline/gate-time.ts) — else null.
   */
  check(point: SweepPoint): { key: string; netLanes: number } | null {
    const { gkey, slots } = runKeys(point);
    const { graph } = requantize(this.base(), this.quant(point));
    const datapath = { ...DEFAULT_DATAPATH, adder: point.adder, absdiff: point.absdiff, ...slots };
    checkSlots(graph, datapath, this.spec.circuits, 'functional', this.spec.model);
    if (this.table(point.table).kind !== 'asic-cell') return null;
    const images = Math.min(this.spec.gateImages, this.spec.limit);
    return { key: gkey, netLanes: gateNetLanes(graph, datapath) * images };
  }

  async compute(point: SweepPoint): Promise<SweepRecord> {
    const table = this.table(point.table);
    const { fkey, gkey, slots } = runKeys(point);
    let functional = this.functional.get(fkey);
    if (!functional) {
      functional = measureNetwork(requantize(this.base(), this.quant(point)), {
        limit: this.spec.limit,
        tables: this.spec.tables.filter((t) => this.table(t).kind !== 'asic-cell'),
        datapath: slots,
        circuits: this.spec.circuits,
        float: false,
        threads: 1,
      });
      this.functional.set(fkey, functional);
    }
    const f = await functional;
    let cost: TableCost | undefined;
    if (table.kind === 'asic-cell') {
      let gate = this.gate.get(gkey);
      if (!gate) {
        gate = measureNetwork(requantize(this.base(), this.quant(point)), {
          limit: Math.min(this.spec.gateImages, this.spec.limit),
          tables: this.spec.tables.filter((t) => this.table(t).kind === 'asic-cell'),
          backend: 'gate',
          datapath: { adder: point.adder, absdiff: point.absdiff, ...slots },
          circuits: this.spec.circuits,
          float: false,
          threads: 1,
        });
        this.gate.set(gkey, gate);
      }
      cost = (await gate).costs.find((c) => c.table === table.name);
    } else {
      cost = f.costs.find((c) => c.table === table.name);
    }
    if (!cost) throw new Error(`no cost for table ${table.name}`);
    return {
      index: point.index,
      settings: sweepSettings(this.spec),
      bits: point.bits,
      accBits: point.accBits,
      adder: point.adder,
      absdiff: point.absdiff,
      table: point.table,
      ...slots,
      images: f.images,
      correct: f.correct,
      accuracy: f.accuracy,
      overflowEvents: f.overflowEvents,
      energyPj: cost.energyPj,
      computePj: cost.computePj,
      memoryPj: cost.memoryPj,
      cycles: cost.cycles,
      peAreaUm2: cost.pe?.areaUm2 ?? null,
      toggleImages:
        table.kind === 'asic-cell' ? Math.min(this.spec.gateImages, this.spec.limit) : null,
      notPriced: cost.notPriced,
    };
  }
}

/** One point of a sweep, as plain data for a worker thread. */
/**
 * A point's slot circuits and the keys of the runs it shares: the functional run depends on
 * the bits, accumulator and slot circuits (they change what the network computes), the gate
 * run also on the adder architecture and |a−b| variant.
 */
function runKeys(point: SweepPoint) {
  const slots = {
    ...(point.sub === undefined ? {} : { sub: point.sub }),
    ...(point.acc === undefined ? {} : { acc: point.acc }),
    ...(point.mul === undefined ? {} : { mul: point.mul }),
  };
  const fkey = `${point.bits}/${point.accBits}/${point.sub ?? ''}/${point.acc ?? ''}/${point.mul ?? ''}`;
  return { slots, fkey, gkey: `${fkey}/${point.adder}/${point.absdiff}` };
}

export interface PointJob {
  readonly spec: SweepSpec;
  readonly point: SweepPoint;
}

// A worker keeps its calibration and shared runs between points of the same sweep.
const computers = new Map<string, PointComputer>();

export async function computePoint(job: PointJob): Promise<SweepRecord> {
  const key = JSON.stringify(job.spec);
  let computer = computers.get(key);
  if (!computer) {
    computer = new PointComputer(job.spec);
    computers.set(key, computer);
  }
  return computer.compute(job.point);
}
