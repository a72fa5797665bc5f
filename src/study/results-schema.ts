/**
 * The schema of ReportResults, field by field, as data: checkResults conforms values to it, and
 * its field order is the key order of results.json. `objectOf<T>` makes the compiler check that
 * each object schema names exactly the keys of its interface in results.ts.
 */
import { PRIMITIVES } from '../cost/ops.js';
import {
  type AccumulatorCurve,
  type AccuracySection,
  type AdderArchitecture,
  type AdderSection,
  type ArchitectureBudget,
  type AsicEnergy,
  BACKENDS,
  type BudgetSection,
  type CostTableRef,
  type CpuCost,
  type EnergyBreakdown,
  type FpgaCost,
  LAYER_ROW_KINDS,
  type LayerEnergy,
  type MemoryByLevel,
  type MemoryLevelRow,
  NETWORKS,
  type NetworkAccuracy,
  type NetworkBudget,
  type PeArea,
  type PrimitiveEnergy,
  RESULTS_SCHEMA_VERSION,
  type ReportMeta,
  type ReportResults,
  TABLE_KINDS,
  type VerdictInputs,
} from './results.js';
import {
  arrayOf,
  count,
  literal,
  nonNegative,
  nullable,
  objectOf,
  oneOf,
  positive,
  positiveInt,
  str,
} from './results-check.js';

const network = oneOf(NETWORKS);
const provenance = arrayOf(str);
const opCountFields = { op: oneOf(PRIMITIVES), bits: positiveInt, bitsB: positiveInt, count };

const meta = objectOf<ReportMeta>({
  name: str,
  architecture: str,
  dataset: str,
  seed: count,
  defaultBits: positiveInt,
  toolVersion: str,
  notes: arrayOf(str),
});
const table = objectOf<CostTableRef>({
  id: str,
  title: str,
  kind: oneOf(TABLE_KINDS),
  technology: str,
  source: str,
});
const accuracy = objectOf<AccuracySection>({
  dataset: str,
  testImages: positiveInt,
  backend: oneOf(BACKENDS),
  networks: arrayOf(
    objectOf<NetworkAccuracy>({
      network,
      checkpoint: str,
      floatCorrect: count,
      points: arrayOf(
        objectOf<{ bits: number; correct: number }>({ bits: positiveInt, correct: count }),
      ),
    }),
  ),
});
const energy = objectOf<AsicEnergy>({
  network,
  table: str,
  bits: positiveInt,
  energyPj: positive,
  provenance,
});
const fpga = objectOf<FpgaCost>({
  network,
  table: str,
  bits: positiveInt,
  lutsPerPe: count,
  dspsPerPe: count,
  pes: positiveInt,
  clockMhz: positive,
  cycles: positive,
  energyPj: nullable(positive),
  provenance,
});
const cpu = objectOf<CpuCost>({
  network,
  table: str,
  bits: positiveInt,
  kernel: str,
  cyclesPerTap: positive,
  cycles: positive,
  energyPj: nullable(positive),
  provenance,
});
const area = objectOf<PeArea>({
  network,
  table: str,
  bits: positiveInt,
  areaUm2: positive,
  provenance,
});
const breakdown = objectOf<EnergyBreakdown>({
  network,
  table: str,
  bits: positiveInt,
  byPrimitive: arrayOf(
    objectOf<PrimitiveEnergy>({ ...opCountFields, energyPj: nonNegative }, ['bitsB']),
  ),
  byLayer: arrayOf(
    objectOf<LayerEnergy>({ layer: str, kind: oneOf(LAYER_ROW_KINDS), energyPj: nonNegative }),
  ),
});
const memory = objectOf<MemoryByLevel>({
  network,
  table: str,
  bits: positiveInt,
  accelerator: str,
  memoryTable: str,
  dataflow: str,
  weights: oneOf(['resident', 'loaded from DRAM']),
  levels: arrayOf(
    objectOf<MemoryLevelRow>({
      level: str,
      capacityKiB: nullable(positive),
      accessPj: positive,
      readBits: nonNegative,
      writeBits: nonNegative,
      energyPj: nonNegative,
    }),
  ),
});
const adders = objectOf<AdderSection>({
  bits: positiveInt,
  table: str,
  operands: str,
  vectors: positiveInt,
  toggleModel: literal('zero-delay'),
  architectures: arrayOf(
    objectOf<AdderArchitecture>({
      name: str,
      cells: count,
      areaUm2: positive,
      delayNs: positive,
      togglesPerOp: nonNegative,
      energyPerOpPj: positive,
      provenance,
    }),
  ),
});
const accumulator = objectOf<ReportResults['accumulator']>({
  testImages: positiveInt,
  curves: arrayOf(
    objectOf<AccumulatorCurve>({
      network,
      bits: positiveInt,
      fullWidthBits: positiveInt,
      points: arrayOf(
        objectOf<AccumulatorCurve['points'][number]>({
          accBits: positiveInt,
          wrapCorrect: count,
          satCorrect: count,
        }),
      ),
    }),
  ),
});
const budgets = objectOf<BudgetSection>({
  bits: positiveInt,
  architectures: arrayOf(
    objectOf<ArchitectureBudget>({
      name: str,
      dataset: str,
      networks: arrayOf(
        objectOf<NetworkBudget>({
          network,
          paper: objectOf<NetworkBudget['paper']>({ mul: count, add: count, xnor: count }),
          explicit: arrayOf(objectOf<NetworkBudget['explicit'][number]>(opCountFields, ['bitsB'])),
        }),
      ),
    }),
  ),
});
const verdictInputs = objectOf<VerdictInputs>({
  tieTolerance: nonNegative,
  accuracyTolerancePoints: nonNegative,
  breakdownTable: nullable(str),
});

/** The schema of results.json; its field order is the order results.json is written in. */
export const RESULTS_SCHEMA = objectOf<ReportResults>(
  {
    schemaVersion: literal(RESULTS_SCHEMA_VERSION),
    meta,
    tables: arrayOf(table),
    accuracy,
    energy: arrayOf(energy),
    fpga: arrayOf(fpga),
    cpu: arrayOf(cpu),
    area: arrayOf(area),
    breakdown: arrayOf(breakdown),
    memory: arrayOf(memory),
    adders,
    accumulator,
    budgets,
    verdictInputs,
  },
  ['memory'],
);
