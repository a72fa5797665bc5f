import type { LayerWork } from '../cost/layer-work.js';
import { pricesMemory } from '../cost/price-inference.js';
import { ADDER_ARCHS } from '../gen/adders/index.js';
import { SeededRandom } from '../gen/random.js';
import { packageVersion } from '../paths.js';
import { dataFor } from '../pipeline/datasets.js';
import type { NetworkResult } from '../pipeline/measure.js';
import { resolveQuantOptions } from '../quant/options.js';
import { accumulatorCurve, accumulatorRuns, accumulatorSection } from './accumulator.js';
import { accuracySection, floatCorrect } from './accuracy.js';
import { adderSection } from './adders.js';
import { budgetSection } from './budgets.js';
import { costSections } from './costs.js';
import { integerEngine } from './engine.js';
import { gateLevelNote } from './gate.js';
import type { QuantizedNetwork } from './inference.js';
import { loadStudyNetworks, type StudyNetwork } from './networks.js';
import { studyNotes } from './notes.js';
import { accumulatorStream } from './operands.js';
import { resolveStudyOptions, type StudyOptions } from './options.js';
import { requantizationNote } from './requantization.js';
import { type AccumulatorCurve, RESULTS_SCHEMA_VERSION, type ReportResults } from './results.js';
import { loadStudyTables } from './tables.js';

/**
 * The study: every number the report shows, gathered into one ReportResults.
 *
 * Stages, in order (each reports progress): load the checkpoints and cost tables; float and
 * quantized accuracy at every bit width of the sweep; exact operation counts at the default
 * width priced on every ASIC, FPGA and CPU table, with the energy breakdown and PE areas; the
 * adder architectures on the additions of AdderNet's first adder layer; accumulator width vs
 * accuracy; operation budgets of the shipped architectures.
 *
 * Deterministic: no clock in the results, every random choice drawn from `seed`, arrays in fixed
 * orders (networks in NETWORKS order, tables sorted by id, architectures by name); inference
 * runs on worker threads split the images into contiguous slices merged in order, so the
 * thread count and scheduling change nothing.
 */
export const TIE_TOLERANCE = 0.05;
export const ACCURACY_TOLERANCE_POINTS = 0.5;

export async function runStudy(options: StudyOptions = {}): Promise<ReportResults> {
  const opts = resolveStudyOptions(options);
  const progress = opts.progress;
  const tables = loadStudyTables(options.mulImpl);
  const engine = integerEngine(tables.all, opts.threads, opts.data);
  const { architecture, dataset, networks } = loadStudyNetworks(opts.checkpoints);
  const test = dataFor(networks[0].checkpoint, networks[0].ref.label, {
    ...opts.data,
    calibrationImages: resolveQuantOptions({}).calibrationImages,
  }).test;
  const images = Math.min(opts.limit ?? test.count, test.count);

  // Quantize every network at every width of the sweep (calibration happens here).
  progress.stage('quantize', networks.length * opts.sweepBits.length);
  let done = 0;
  const quantized = new Map<string, QuantizedNetwork>();
  for (const net of networks) {
    for (const bits of opts.sweepBits) {
      quantized.set(`${net.network}/${bits}`, engine.quantize(net, bits));
      progress.tick(++done);
    }
  }
  const at = (network: string, bits: number) =>
    quantized.get(`${network}/${bits}`) as QuantizedNetwork;

  progress.stage('accuracy', networks.length * (1 + opts.sweepBits.length));
  done = 0;
  const tick = () => progress.tick(++done);
  const accuracy = await accuracySection({
    dataset,
    images,
    backend: engine.backend,
    runs: networks.map((net) => {
      // Start the network's first quantized run on the worker threads, then count the float
      // model on this thread while it runs (the run is cached and awaited below).
      at(net.network, opts.sweepBits[0])
        .correct(images)
        .catch(() => {});
      const f = floatCorrect(net, test, images);
      tick();
      return {
        net,
        floatCorrect: f,
        quantized: opts.sweepBits.map((b) => at(net.network, b)),
      };
    }),
    tick,
  });

  progress.stage('costs', networks.length);
  done = 0;
  const measured: { net: StudyNetwork; result: NetworkResult }[] = [];
  for (const net of networks) {
    measured.push({ net, result: await at(net.network, opts.bits).measured(images) });
    tick();
  }
  const costs = costSections(tables, measured);

  // The additions of AdderNet's first adder layer on a few seeded test images.
  const adderNet = networks.find((n) => n.network === 'addernet') as StudyNetwork;
  const q = at('addernet', opts.bits);
  const layer = adderNet.bodyLayers[0];
  const picked = pickImages(images, opts.adderImages, opts.seed);
  const work = (
    measured.find((m) => m.net === adderNet) as { result: NetworkResult }
  ).result.work.find((w) => w.name === layer) as LayerWork;
  const stream = accumulatorStream(
    q.operands(layer, picked),
    work.accBits,
    `${layer} accumulator additions of ${picked.length} ${dataset.toUpperCase()} test images (indices ${picked.join(', ')}, drawn with seed ${opts.seed})`,
  );
  progress.stage('adders', ADDER_ARCHS.length);
  const adders = adderSection(tables.asicCell[0], stream, ADDER_ARCHS, (n) => progress.tick(n));

  const accImages = Math.min(opts.accImages, images);
  const swept = networks.filter((n) => opts.accNetworks.includes(n.network));
  const runs = swept.reduce(
    (n, net) => n + accumulatorRuns(at(net.network, opts.bits), opts.accSteps),
    0,
  );
  progress.stage('accumulator', runs);
  done = 0;
  const curves: AccumulatorCurve[] = [];
  for (const net of swept) {
    curves.push(await accumulatorCurve(at(net.network, opts.bits), accImages, opts.accSteps, tick));
  }

  // Gate level: the adder-toggle images by default, every accuracy image with --full.
  const gateImages = opts.full ? Array.from({ length: images }, (_, i) => i) : picked;
  progress.stage('gate-level', networks.length);
  done = 0;
  const gateNote = await gateLevelNote(
    networks.map((net) => at(net.network, opts.bits)),
    tables.asicCell[0],
    gateImages,
    opts.full
      ? `all ${images} test images the accuracy counts`
      : `the ${picked.length} test images of the adder toggles`,
    tick,
  );

  const lower = opts.sweepBits.filter((b) => b < opts.bits);
  progress.stage('requantize', networks.length * lower.length);
  done = 0;
  const requantNote = await requantizationNote(
    engine,
    networks.map((net) => ({ net, byBits: (b: number) => at(net.network, b) })),
    lower,
    accImages,
    tick,
  );

  progress.stage('budgets', 1);
  const budgets = budgetSection(opts.bits);
  progress.tick(1);
  progress.done();

  const breakdownTable = tables.asicOp.find(pricesMemory)?.name ?? null;
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    meta: {
      name: opts.title ?? `${architecture}-${dataset}`,
      architecture,
      dataset,
      seed: opts.seed,
      defaultBits: opts.bits,
      toolVersion: packageVersion(),
      notes: studyNotes({
        engine,
        dataset,
        images,
        testCount: test.count,
        full: opts.full,
        sweepBits: opts.sweepBits,
        accSteps: opts.accSteps,
        accImages,
        accNetworks: swept.map((n) => n.network),
        tables,
        adders,
        costNotes: costs.notes,
        gateNote,
        requantNote: lower.length > 0 ? requantNote : null,
      }),
    },
    tables: tables.refs,
    accuracy,
    energy: costs.energy,
    fpga: costs.fpga,
    cpu: costs.cpu,
    area: costs.area,
    breakdown: costs.breakdown,
    ...(costs.memory.length > 0 ? { memory: costs.memory } : {}),
    adders,
    accumulator: accumulatorSection(curves, accImages),
    budgets,
    verdictInputs: {
      tieTolerance: TIE_TOLERANCE,
      accuracyTolerancePoints: ACCURACY_TOLERANCE_POINTS,
      breakdownTable,
    },
  };
}

/** `count` distinct image indices below `images`, drawn with `seed`, in ascending order. */
export function pickImages(images: number, count: number, seed: number): number[] {
  const rng = new SeededRandom(seed);
  const chosen = new Set<number>();
  const want = Math.min(count, images);
  while (chosen.size < want) chosen.add(rng.nextUint32() % images);
  return [...chosen].sort((a, b) => a - b);
}
