import type { ReportResults } from '../study/results.js';
import { encodeCsv } from './csv.js';

/** A CSV file of the report: its name in the report folder and its text. */
export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/**
 * One CSV per table-like section, with exact values (counts as integers, energies in pJ as
 * given). Column names carry units. Every file is written even when its section is empty
 * (header only), so the set of files is the same for every report.
 */
export function csvFiles(r: ReportResults): CsvFile[] {
  const files: [string, string[], (string | number | null)[][]][] = [
    ['run.csv', ['setting', 'value'], runRows(r)],
    [
      'accuracy.csv',
      ['network', 'bits', 'correct', 'test_images', 'checkpoint'],
      r.accuracy.networks.flatMap((n) => [
        ...n.points.map((p) => [n.network, p.bits, p.correct, r.accuracy.testImages, n.checkpoint]),
        [n.network, 'float', n.floatCorrect, r.accuracy.testImages, n.checkpoint],
      ]),
    ],
    [
      'energy-asic.csv',
      ['table', 'network', 'bits', 'energy_pj'],
      r.energy.map((e) => [e.table, e.network, e.bits, e.energyPj]),
    ],
    [
      'memory-levels.csv',
      [
        'table',
        'network',
        'bits',
        'accelerator',
        'memory_table',
        'dataflow',
        'weights',
        'level',
        'capacity_kib',
        'access_pj_per_64_bits',
        'read_bits',
        'write_bits',
        'energy_pj',
      ],
      (r.memory ?? []).flatMap((m) =>
        m.levels.map((l) => [
          m.table,
          m.network,
          m.bits,
          m.accelerator,
          m.memoryTable,
          m.dataflow,
          m.weights,
          l.level,
          l.capacityKiB,
          l.accessPj,
          l.readBits,
          l.writeBits,
          l.energyPj,
        ]),
      ),
    ],
    [
      'fpga.csv',
      [
        'table',
        'network',
        'bits',
        'luts_per_pe',
        'dsps_per_pe',
        'pes',
        'clock_mhz',
        'cycles',
        'energy_pj',
      ],
      r.fpga.map((f) => [
        f.table,
        f.network,
        f.bits,
        f.lutsPerPe,
        f.dspsPerPe,
        f.pes,
        f.clockMhz,
        f.cycles,
        f.energyPj,
      ]),
    ],
    [
      'cpu.csv',
      ['table', 'network', 'bits', 'kernel', 'cycles_per_tap', 'cycles', 'energy_pj'],
      r.cpu.map((c) => [
        c.table,
        c.network,
        c.bits,
        c.kernel,
        c.cyclesPerTap,
        c.cycles,
        c.energyPj,
      ]),
    ],
    [
      'area.csv',
      ['table', 'network', 'bits', 'pe_area_um2'],
      r.area.map((a) => [a.table, a.network, a.bits, a.areaUm2]),
    ],
    [
      'energy-by-primitive.csv',
      ['table', 'network', 'op', 'bits', 'bits_b', 'count', 'energy_pj'],
      r.breakdown.flatMap((b) =>
        b.byPrimitive.map((p) => [
          b.table,
          b.network,
          p.op,
          p.bits,
          p.bitsB ?? null,
          p.count,
          p.energyPj,
        ]),
      ),
    ],
    [
      'energy-by-layer.csv',
      ['table', 'network', 'layer', 'kind', 'energy_pj'],
      r.breakdown.flatMap((b) =>
        b.byLayer.map((l) => [b.table, b.network, l.layer, l.kind, l.energyPj]),
      ),
    ],
    [
      'adders.csv',
      [
        'architecture',
        'bits',
        'cells',
        'area_um2',
        'delay_ns',
        'toggles_per_op',
        'energy_per_op_pj',
        'toggle_model',
      ],
      r.adders.architectures.map((a) => [
        a.name,
        r.adders.bits,
        a.cells,
        a.areaUm2,
        a.delayNs,
        a.togglesPerOp,
        a.energyPerOpPj,
        r.adders.toggleModel,
      ]),
    ],
    [
      'accumulator.csv',
      [
        'network',
        'bits',
        'acc_bits',
        'wrap_correct',
        'sat_correct',
        'test_images',
        'full_width_bits',
      ],
      r.accumulator.curves.flatMap((c) =>
        c.points.map((p) => [
          c.network,
          c.bits,
          p.accBits,
          p.wrapCorrect,
          p.satCorrect,
          r.accumulator.testImages,
          c.fullWidthBits,
        ]),
      ),
    ],
    [
      'budgets.csv',
      ['architecture', 'dataset', 'network', 'convention', 'op', 'bits', 'bits_b', 'count'],
      r.budgets.architectures.flatMap((a) =>
        a.networks.flatMap((n) => [
          ...(['mul', 'add', 'xnor'] as const).map((op) => [
            a.name,
            a.dataset,
            n.network,
            'paper',
            op,
            null,
            null,
            n.paper[op],
          ]),
          ...n.explicit.map((c) => [
            a.name,
            a.dataset,
            n.network,
            'explicit',
            c.op,
            c.bits,
            c.bitsB ?? null,
            c.count,
          ]),
        ]),
      ),
    ],
    [
      'tables.csv',
      ['id', 'title', 'kind', 'technology', 'source'],
      r.tables.map((t) => [t.id, t.title, t.kind, t.technology, t.source]),
    ],
    ['provenance.csv', ['section', 'table', 'subject', 'line'], provenanceRows(r)],
  ];
  return files.map(([name, header, rows]) => ({ name, text: encodeCsv(header, rows) }));
}

/** The run's settings and the verdict's tolerances, one per row. */
function runRows(r: ReportResults): (string | number | null)[][] {
  const { meta, accuracy, verdictInputs: v } = r;
  return [
    ['schema_version', r.schemaVersion],
    ['name', meta.name],
    ['architecture', meta.architecture],
    ['dataset', meta.dataset],
    ['test_images', accuracy.testImages],
    ['backend', accuracy.backend],
    ['seed', meta.seed],
    ['default_bits', meta.defaultBits],
    ['tool_version', meta.toolVersion],
    ['tie_tolerance', v.tieTolerance],
    ['accuracy_tolerance_points', v.accuracyTolerancePoints],
    ['breakdown_table', v.breakdownTable],
  ];
}

function provenanceRows(r: ReportResults): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  const add = (
    section: string,
    rowsIn: readonly { table: string; network: string; provenance: readonly string[] }[],
  ) => {
    for (const row of rowsIn)
      for (const line of row.provenance) rows.push([section, row.table, row.network, line]);
  };
  add('energy', r.energy);
  add('fpga', r.fpga);
  add('cpu', r.cpu);
  add('area', r.area);
  for (const a of r.adders.architectures) {
    for (const line of a.provenance) rows.push(['adders', r.adders.table, a.name, line]);
  }
  return rows;
}
