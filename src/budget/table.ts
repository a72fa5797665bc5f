import type { Variant } from '../nn/graph.js';
import type { BudgetReport, CountSummary, LayerBudget, VariantLayer } from './budget.js';
import type { BudgetEnergy } from './energy.js';

/**
 * Budget reports as rows: the totals table and the per-layer table that the CLI aligns, and
 * the per-layer CSV. Numbers stay exact; the aligned tables group thousands with commas.
 */

export type Row = readonly (string | number)[];

/** 1234567 → "1,234,567" (locale-independent, so output is the same everywhere). */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const TOTAL_ROWS: readonly [string, (t: BudgetReport['totals'][Variant]) => number][] = [
  ['params', (t) => t.params],
  ['paper #Mul', (t) => t.paperMul],
  ['paper #Add', (t) => t.paperAdd],
  ['paper #XNOR', (t) => t.paperXnor],
  ['mul', (t) => t.mul],
  ['  in stem + classifier', (t) => t.groups.stemAndClassifier.mul],
  ['  in BatchNorm', (t) => t.groups.batchnorm.mul],
  ['add', (t) => t.add],
  ['sub', (t) => t.sub],
  ['abs', (t) => t.abs],
  ['xnor', (t) => t.xnor],
  ['popcount additions', (t) => t.popcount],
  ['  population counts', (t) => t.popcountWords],
  ['cmp', (t) => t.cmp],
  ['bn (elements)', (t) => t.bn],
  ['memory reads (values)', (t) => t.memReads],
  ['memory writes (values)', (t) => t.memWrites],
  ['memory read bits', (t) => t.memReadBits],
  ['memory write bits', (t) => t.memWriteBits],
  ['weight bits', (t) => t.weightReadBits],
];

/** Quantities down, variants across; `extra` rows (e.g. energies) are appended. */
export function totalsRows(
  report: BudgetReport,
  variants: readonly Variant[],
  extra: readonly Row[] = [],
): Row[] {
  return [
    [`${report.net} (${report.bits}-bit)`, ...variants],
    ...TOTAL_ROWS.map(
      ([label, f]): Row => [label, ...variants.map((v) => groupDigits(f(report.totals[v])))],
    ),
    ...energyRows(report, variants),
    ...extra,
  ];
}

/** Energy rows in microjoules (6 significant digits); `n/a` where the table gives none. */
function energyRows(report: BudgetReport, variants: readonly Variant[]): Row[] {
  const first = report.totals[variants[0]]?.energy;
  if (!first) return [];
  const uj = (pj: number | null | undefined) =>
    pj === null || pj === undefined ? 'n/a' : String(Number((pj / 1e6).toPrecision(6)));
  const row = (label: string, pick: (e: BudgetEnergy) => number | null): Row => [
    label,
    ...variants.map((v) => {
      const e = report.totals[v].energy;
      return e ? uj(pick(e)) : 'n/a';
    }),
  ];
  const levels = first.memoryLevels?.levels ?? [];
  return [
    row(`energy compute (uJ, ${first.table})`, (e) => e.computePj),
    row(
      levels.length > 0
        ? `energy memory (uJ, ${first.memoryLevels?.accelerator})`
        : 'energy memory (uJ)',
      (e) => e.memoryPj,
    ),
    ...levels.map((l, i) =>
      row(
        `  ${l.level}${l.capacityKiB === null ? '' : ` ${l.capacityKiB} KiB`}`,
        (e) => e.memoryLevels?.levels[i]?.energyPj ?? null,
      ),
    ),
    row('energy total (uJ)', (e) => e.totalPj),
  ];
}

const LAYER_COUNTS: readonly (keyof CountSummary)[] = [
  'mul',
  'add',
  'sub',
  'abs',
  'xnor',
  'popcount',
  'cmp',
];

const shapeText = (s: readonly number[]) => s.join('x');

/** One row per node that computes or moves data (input and flatten are left out), then a total. */
export function layerRows(report: BudgetReport, variant: Variant): Row[] {
  const header: Row = [
    'layer',
    'op',
    'kind',
    'output',
    'M',
    'N',
    'K',
    'acc',
    ...LAYER_COUNTS,
    'params',
  ];
  const rows: Row[] = [header];
  for (const layer of report.layers) {
    const v = layer[variant];
    if (!v || (v.ops.length === 0 && v.memory.length === 0)) continue;
    rows.push([
      layer.id,
      v.op ?? layer.op,
      // A depthwise layer (groups > 1) reads one input channel per output: said beside its kind.
      v.kind && layer.groups ? `${v.kind} depthwise` : (v.kind ?? ''),
      shapeText(layer.outShape),
      v.work ? groupDigits(v.work.M) : '',
      v.work ? groupDigits(v.work.N) : '',
      v.work ? groupDigits(v.work.K) : '',
      v.work ? v.work.accBits : '',
      ...LAYER_COUNTS.map((k) => groupDigits(v[k] as number)),
      groupDigits(layer.params),
    ]);
  }
  const t = report.totals[variant];
  rows.push([
    'total',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    ...LAYER_COUNTS.map((k) => groupDigits(t[k] as number)),
    groupDigits(t.params),
  ]);
  return rows;
}

const CSV_COUNTS: readonly (keyof CountSummary)[] = [
  'mul',
  'add',
  'sub',
  'abs',
  'xnor',
  'popcount',
  'popcountWords',
  'cmp',
  'bn',
  'memReads',
  'memWrites',
  'memReadBits',
  'memWriteBits',
  'weightReads',
  'weightReadBits',
  'paperMul',
  'paperAdd',
  'paperXnor',
];

/**
 * Per-layer CSV (RFC 4180, header row, `\n` line ends), one row per node and variant, every
 * node included. Column names are the JSON field names.
 */
export function layerCsv(report: BudgetReport): string {
  const header = [
    'variant',
    'id',
    'op',
    'role',
    'kind',
    'inShape',
    'outShape',
    'M',
    'N',
    'K',
    'operandBits',
    'accBits',
    'outBits',
    'paddedTaps',
    'params',
    ...CSV_COUNTS,
  ];
  const lines = [header.join(',')];
  for (const variant of report.variants) {
    for (const layer of report.layers) {
      const v = layer[variant];
      if (v) lines.push(csvRow(variant, layer, v).map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function csvRow(variant: Variant, layer: LayerBudget, v: VariantLayer): (string | number)[] {
  return [
    variant,
    layer.id,
    v.op ?? layer.op,
    layer.role ?? '',
    v.kind ?? '',
    shapeText(layer.inShape),
    shapeText(layer.outShape),
    v.work?.M ?? '',
    v.work?.N ?? '',
    v.work?.K ?? '',
    v.work?.operandBits ?? '',
    v.work?.accBits ?? '',
    v.outBits,
    layer.paddedTaps ?? '',
    layer.params,
    ...CSV_COUNTS.map((k) => v[k] as number),
  ];
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
