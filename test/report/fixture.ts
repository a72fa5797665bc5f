/**
 * FIXTURE DATA FOR TESTS ONLY. Every number below is synthetic: chosen to give the report
 * realistic shapes (LeNet-5 on MNIST, three networks, two ASIC tables, two CPUs, one FPGA, six
 * budget architectures) and easy-to-check ratios. None of it is a measurement or a claim.
 */
import type { Network, ReportResults } from '../../src/study/results.js';

export type PerNetwork = Record<Network, number>;

/** The numbers a verdict test turns up and down. */
export interface Knobs {
  /** Energy per inference (pJ) on each ASIC table. */
  readonly horowitz: PerNetwork;
  readonly aladdin: PerNetwork;
  /** Cycles per inference on the two CPUs (cycles per tap = cycles / TAPS). */
  readonly skylake: PerNetwork;
  readonly neoverse: PerNetwork;
  /** FPGA cycles per inference (the clock is 250 MHz for every network). */
  readonly fpgaCycles: PerNetwork;
  /** Correct predictions of 10,000 at 8 bits. */
  readonly correct8: PerNetwork;
}

/** Taps per inference of the fixture network (synthetic). */
export const TAPS = 400_000;

export const MIXED: Knobs = {
  horowitz: { addernet: 60_000, cnn: 90_000, bnn: 20_000 },
  aladdin: { addernet: 120_000, cnn: 150_000, bnn: 40_000 },
  skylake: { addernet: 30_000, cnn: 15_000, bnn: 12_000 },
  neoverse: { addernet: 40_000, cnn: 20_000, bnn: 16_000 },
  fpgaCycles: { addernet: 2_000, cnn: 3_000, bnn: 1_000 },
  correct8: { addernet: 9_890, cnn: 9_910, bnn: 9_700 },
};

const NETS: readonly Network[] = ['addernet', 'cnn', 'bnn'];
const prov = (what: string) => [
  `${what}: fixture row 1 (synthetic)`,
  `${what}: scaled linear in width 8 -> 9 bits (synthetic)`,
];

export function makeFixture(k: Knobs = MIXED): ReportResults {
  const asic = (table: string, values: PerNetwork) =>
    NETS.map((network) => ({
      network,
      table,
      bits: 8,
      energyPj: values[network],
      provenance: prov(`${table} ${network}`),
    }));
  const cpu = (table: string, values: PerNetwork, kernels: Record<Network, string>) =>
    NETS.map((network) => ({
      network,
      table,
      bits: 8,
      kernel: kernels[network],
      cyclesPerTap: values[network] / TAPS,
      cycles: values[network],
      energyPj: null,
      provenance: prov(`${table} ${network}`),
    }));
  return {
    schemaVersion: 1,
    meta: {
      name: 'lenet5-mnist',
      architecture: 'lenet5',
      dataset: 'mnist',
      seed: 42,
      defaultBits: 8,
      toolVersion: '0.1.0',
      notes: ['Fixture data: synthetic numbers for tests.'],
    },
    tables: [
      {
        id: 'asic-45nm-horowitz',
        title: 'Horowitz 45 nm',
        kind: 'asic-op',
        technology: '45 nm, 0.9 V',
        source: 'Horowitz, ISSCC 2014',
      },
      {
        id: 'asic-40nm-aladdin',
        title: 'Aladdin 40 nm',
        kind: 'asic-op',
        technology: '40 nm, 1 ns',
        source: 'Aladdin via Accelergy, aladdin_adder.csv',
      },
      {
        id: 'cpu-skylake',
        title: 'Skylake',
        kind: 'cpu',
        technology: 'Intel Skylake client',
        source: 'LLVM X86SchedSkylakeClient.td',
      },
      {
        id: 'cpu-neoverse-n1',
        title: 'Neoverse N1',
        kind: 'cpu',
        technology: 'Arm Neoverse N1',
        source: 'LLVM AArch64SchedNeoverseN1.td',
      },
      {
        id: 'fpga-zu9eg',
        title: 'ZU9EG',
        kind: 'fpga',
        technology: 'Zynq UltraScale+, "-2" speed grade',
        source: 'UG574, carry-chain, fixture',
      },
      {
        id: 'cells-45nm',
        title: 'Generic cells, 45 nm',
        kind: 'asic-cell',
        technology: '45 nm',
        source: 'fixture cell table',
      },
    ],
    accuracy: {
      dataset: 'mnist',
      testImages: 10_000,
      backend: 'functional',
      networks: NETS.map((network, i) => ({
        network,
        checkpoint: `models/lenet5-${network}.safetensors`,
        floatCorrect: 9_920 - 100 * i,
        points: [
          { bits: 8, correct: k.correct8[network] },
          { bits: 6, correct: k.correct8[network] - 20 },
          { bits: 4, correct: k.correct8[network] - 400 },
          { bits: 3, correct: k.correct8[network] - 2_000 },
        ],
      })),
    },
    energy: [...asic('asic-45nm-horowitz', k.horowitz), ...asic('asic-40nm-aladdin', k.aladdin)],
    fpga: NETS.map((network) => ({
      network,
      table: 'fpga-zu9eg',
      bits: 8,
      lutsPerPe: network === 'cnn' ? 12 : network === 'addernet' ? 30 : 10,
      dspsPerPe: network === 'cnn' ? 1 : 0,
      pes: network === 'cnn' ? 2_520 : 9_000,
      clockMhz: 250,
      cycles: k.fpgaCycles[network],
      energyPj: null,
      provenance: prov(`fpga ${network}`),
    })),
    cpu: [
      ...cpu('cpu-skylake', k.skylake, {
        addernet: 'vpsadbw',
        cnn: 'vpmaddubsw + vpmaddwd',
        bnn: 'vpxor + popcnt',
      }),
      ...cpu('cpu-neoverse-n1', k.neoverse, {
        addernet: 'uabd + udot',
        cnn: 'sdot',
        bnn: 'eor + cnt',
      }),
    ],
    area: NETS.map((network, i) => ({
      network,
      table: 'cells-45nm',
      bits: 8,
      areaUm2: [410, 1_250, 95][i],
      provenance: prov(`area ${network}`),
    })),
    breakdown: NETS.map((network) => ({
      network,
      table: 'asic-45nm-horowitz',
      bits: 8,
      byPrimitive:
        network === 'addernet'
          ? [
              { op: 'sub', bits: 8, count: 400_000, energyPj: 12_000 },
              { op: 'abs', bits: 9, count: 400_000, energyPj: 6_000 },
              { op: 'add', bits: 18, count: 400_000, energyPj: 22_000 },
              { op: 'mul', bits: 8, count: 5_000, energyPj: 1_000 },
              { op: 'sram-read', bits: 64, count: 1_900, energyPj: 19_000 },
            ]
          : network === 'cnn'
            ? [
                { op: 'mul', bits: 8, count: 400_000, energyPj: 50_000 },
                { op: 'add', bits: 24, count: 400_000, energyPj: 21_000 },
                { op: 'sram-read', bits: 64, count: 1_900, energyPj: 19_000 },
              ]
            : [
                { op: 'xnor', bits: 64, count: 6_250, energyPj: 500 },
                { op: 'popcount', bits: 64, count: 6_250, energyPj: 500 },
                { op: 'mul', bits: 8, bitsB: 4, count: 5_000, energyPj: 1_000 },
                { op: 'sram-read', bits: 64, count: 1_800, energyPj: 18_000 },
              ],
      byLayer: [
        { layer: 'conv1', kind: 'multiply', energyPj: 3_000 },
        {
          layer: 'conv2',
          kind: network === 'cnn' ? 'multiply' : network === 'addernet' ? 'adder' : 'binary',
          energyPj: network === 'bnn' ? 9_000 : 40_000,
        },
        {
          layer: 'fc1',
          kind: network === 'cnn' ? 'multiply' : network === 'addernet' ? 'adder' : 'binary',
          energyPj: network === 'bnn' ? 6_000 : 30_000,
        },
        { layer: 'bn (all)', kind: 'other', energyPj: 2_000 },
      ],
    })),
    adders: {
      bits: 18,
      table: 'cells-45nm',
      operands: 'conv2 accumulator inputs of 100 MNIST test images (fixture)',
      vectors: 40_000,
      toggleModel: 'zero-delay',
      architectures: [
        {
          name: 'ripple-carry',
          cells: 18,
          areaUm2: 250,
          delayNs: 1.8,
          togglesPerOp: 21.5,
          energyPerOpPj: 0.041,
          provenance: prov('ripple-carry'),
        },
        {
          name: 'kogge-stone',
          cells: 112,
          areaUm2: 690,
          delayNs: 0.42,
          togglesPerOp: 60.2,
          energyPerOpPj: 0.11,
          provenance: prov('kogge-stone'),
        },
        {
          name: 'brent-kung',
          cells: 64,
          areaUm2: 420,
          delayNs: 0.61,
          togglesPerOp: 38,
          energyPerOpPj: 0.072,
          provenance: prov('brent-kung'),
        },
        {
          name: 'carry-select',
          cells: 47,
          areaUm2: 380,
          delayNs: 0.9,
          togglesPerOp: 33.1,
          energyPerOpPj: 0.065,
          provenance: prov('carry-select'),
        },
      ],
    },
    accumulator: {
      testImages: 10_000,
      curves: [
        {
          network: 'addernet',
          bits: 8,
          fullWidthBits: 18,
          points: [18, 16, 14, 12, 10].map((accBits, i) => ({
            accBits,
            wrapCorrect: [9_890, 9_890, 7_000, 1_500, 1_000][i],
            satCorrect: [9_890, 9_890, 9_700, 8_800, 5_000][i],
          })),
        },
      ],
    },
    budgets: {
      bits: 8,
      architectures: ['lenet5', 'resnet20', 'resnet32', 'resnet50', 'vgg-small', 'alexnet'].map(
        (name, i) => ({
          name,
          dataset: i === 0 ? 'mnist' : i === 3 || i === 5 ? 'imagenet' : 'cifar10',
          networks: NETS.map((network) => {
            const taps = 400_000 * 10 ** i;
            const edge = 5_000 * 10 ** i;
            return {
              network,
              paper:
                network === 'cnn'
                  ? { mul: taps, add: taps, xnor: 0 }
                  : network === 'addernet'
                    ? { mul: 0, add: 2 * taps, xnor: 0 }
                    : { mul: 0, add: taps, xnor: taps },
              explicit:
                network === 'cnn'
                  ? [
                      { op: 'mul' as const, bits: 8, count: taps },
                      { op: 'add' as const, bits: 24, count: taps },
                    ]
                  : network === 'addernet'
                    ? [
                        { op: 'sub' as const, bits: 8, count: taps - edge },
                        { op: 'abs' as const, bits: 9, count: taps - edge },
                        { op: 'add' as const, bits: 18, count: taps },
                        { op: 'mul' as const, bits: 8, count: edge },
                      ]
                    : [
                        { op: 'xnor' as const, bits: 64, count: taps / 64 },
                        { op: 'popcount' as const, bits: 64, count: taps / 64 },
                        { op: 'mul' as const, bits: 8, count: edge },
                      ],
            };
          }),
        }),
      ),
    },
    verdictInputs: { tieTolerance: 0.05, accuracyTolerancePoints: 0.5, breakdownTable: null },
  };
}
