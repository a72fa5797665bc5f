/**
 * The result of pricing anything through a cost table: an immutable list of priced items plus
 * the totals the table can give. A metric is defined only when every item defines it, so a
 * total is never a silent sum over a partly priced list; `undefined` means "this table does not
 * give it" and `notes` say why.
 *
 * Each item records the table row that priced it (`row`, a JSON pointer into the table) and
 * every scaling step applied (`steps`), so a report can print where each number came from.
 */
export interface PricedItem {
  /** What was priced: `add:8`, `cell fa`, `register`. */
  readonly key: string;
  /** How many: operations, or cells of that kind. */
  readonly count: number;
  /** Total energy of the item in pJ (all `count` operations; per vector for netlists). */
  readonly energyPj?: number;
  /** Area in um^2: cells x cell area for netlists; one functional unit for op counts. */
  readonly areaUm2?: number;
  /** FPGA resources (luts, carryCells, dsps) for one unit of this op. */
  readonly resources?: Readonly<Record<string, number>>;
  /** Register-to-register delay of one unit, ps. */
  readonly delayPs?: number;
  readonly table: string;
  /** JSON pointer of the row that priced it, e.g. `/ops/0/points/0`. */
  readonly row: string;
  /** The row's source (publication and table, or repository and path). */
  readonly source: string;
  /** Scaling and derivation steps, in the order applied. */
  readonly steps: readonly string[];
}

export interface EstimateExtras {
  /** Critical path through the netlist, ps (gate-level estimates). */
  readonly criticalPathPs?: number;
  readonly notes?: readonly string[];
}

type Metric = 'energyPj' | 'areaUm2';

export class Estimate {
  readonly items: readonly PricedItem[];
  readonly criticalPathPs?: number;
  readonly notes: readonly string[];

  constructor(items: readonly PricedItem[], extras: EstimateExtras = {}) {
    this.items = Object.freeze(items.map((item) => Object.freeze({ ...item })));
    this.criticalPathPs = extras.criticalPathPs;
    this.notes = Object.freeze([...(extras.notes ?? [])]);
    Object.freeze(this);
  }

  static empty(): Estimate {
    return new Estimate([]);
  }

  private total(metric: Metric): number | undefined {
    let sum = 0;
    for (const item of this.items) {
      const v = item[metric];
      if (v === undefined) return undefined;
      sum += v;
    }
    return sum;
  }

  /** Total energy, pJ; undefined when some item has none. */
  get energyPj(): number | undefined {
    return this.total('energyPj');
  }

  /** Total area, um^2; undefined when some item has none. */
  get areaUm2(): number | undefined {
    return this.total('areaUm2');
  }

  /** Summed FPGA resources over items (one unit per item); undefined when some item has none. */
  get resources(): Record<string, number> | undefined {
    const sum: Record<string, number> = {};
    for (const item of this.items) {
      if (!item.resources) return undefined;
      for (const [k, v] of Object.entries(item.resources)) sum[k] = (sum[k] ?? 0) + v;
    }
    return sum;
  }

  /** Both estimates together: items concatenated, critical path the longer one. */
  add(other: Estimate): Estimate {
    const paths = [this.criticalPathPs, other.criticalPathPs].filter(
      (p): p is number => p !== undefined,
    );
    return new Estimate([...this.items, ...other.items], {
      criticalPathPs: paths.length > 0 ? Math.max(...paths) : undefined,
      notes: [...this.notes, ...other.notes.filter((n) => !this.notes.includes(n))],
    });
  }

  /** One line per item: what, how many, how much, which row, which steps. */
  provenance(): string[] {
    return this.items.map((item) => {
      const parts = [`${item.key} x ${item.count}`];
      if (item.energyPj !== undefined) parts.push(`${formatNumber(item.energyPj)} pJ`);
      if (item.areaUm2 !== undefined) parts.push(`${formatNumber(item.areaUm2)} um2`);
      if (item.resources) {
        parts.push(
          Object.entries(item.resources)
            .map(([k, v]) => `${v} ${k}`)
            .join(' + '),
        );
      }
      const steps = item.steps.length > 0 ? `; ${item.steps.join('; ')}` : '';
      return `${parts.join(', ')} <- ${item.table} ${item.row} (${item.source})${steps}`;
    });
  }

  toJSON(): object {
    return {
      energyPj: this.energyPj,
      areaUm2: this.areaUm2,
      resources: this.resources,
      criticalPathPs: this.criticalPathPs,
      items: this.items,
      notes: this.notes,
    };
  }
}

/** Numbers in provenance lines and tables: up to 6 significant digits, no float noise. */
export function formatNumber(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
