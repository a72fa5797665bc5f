import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runParallel } from '../src/engine/parallel.js';
import { runIntegerGraph } from '../src/engine/run.js';
import { loadModel } from '../src/nn/checkpoint.js';
import { makeBatch } from '../src/nn/data/dataset.js';
import { argmaxRows } from '../src/nn/loss.js';
import { prepareNetwork } from '../src/pipeline/index.js';
import { resnetFixture } from './resnet20-fixture.js';
import { TORCH_SCRIPT } from './resnet20-torch.py.js';

/**
 * ResNet-20 AdderNet on CIFAR-10-sized images (3x32x32), measured in this run on a random-weight
 * checkpoint and synthetic images (speed does not depend on the weights):
 * 1. int8 functional backend, 1 and 2 worker threads: images/s and adder taps/s, and the time
 *    10,000 images would take at that rate (an extrapolation from the images run, said so).
 * 2. gate backend: images/s on a few images.
 * 3. float `eval` (the nn engine) images/s, next to the official PyTorch formulation (unfold and
 *    abs-diff sum) run by /usr/bin/python3 when torch is present; "not measured" otherwise.
 * 4. int8 vs float: how many of the images get the same top-1 class.
 * The load average is printed: on a shared machine the figures move with it.
 */
const INT_IMAGES = Number(process.env.ADDERSIM_BENCH_RESNET_IMAGES ?? 200);
const GATE_IMAGES = 2;
const FLOAT_IMAGES = 32;

/** Adder taps of one ResNet-20 image (every padded tap counted, as the official code computes). */
function adderTaps(graph: ReturnType<typeof prepareNetwork>['graph']): number {
  let taps = 0;
  for (const n of graph.nodes) {
    if (n.op === 'weight' && n.kind === 'adder') taps += n.pixels * n.outChannels * n.taps;
  }
  return taps;
}

function torchFigure(threads: number, batch: number): string {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return 'not measured (no /usr/bin/python3)';
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
  } catch {
    return 'not measured (torch is not installed for /usr/bin/python3)';
  }
  const dir = mkdtempSync(join(tmpdir(), 'addersim-torch-'));
  const script = join(dir, 'resnet20_adder.py');
  writeFileSync(script, TORCH_SCRIPT);
  const out = execFileSync(python, [script, String(threads), String(batch), '3'], {
    encoding: 'utf8',
  });
  const r = JSON.parse(out.trim().split('\n').pop() as string) as { images_per_s: number };
  return `${r.images_per_s.toFixed(2)} images/s`;
}

export async function run(): Promise<void> {
  const load = () =>
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`;
  const fx = resnetFixture('addernet', { testImages: INT_IMAGES + 64 });
  const prepared = prepareNetwork(fx.checkpoint, {
    bits: 8,
    data: `cifar10:${fx.dir}`,
    calibrationImages: 64,
  });
  const test = prepared.data.test;
  const taps = adderTaps(prepared.graph);
  console.log(`ResNet-20 AdderNet: ${taps.toExponential(3)} adder taps per image; ${load()}`);

  let predictions: Int32Array | undefined;
  for (const threads of [1, 2]) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = await runParallel(prepared.graph, test.images, INT_IMAGES, { threads });
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuS = (used.user + used.system) / 1e6;
    predictions = r.predictions;
    const rate = INT_IMAGES / s;
    // CPU seconds (all threads of this process) show the work done apart from what other
    // processes on a loaded machine take from the wall clock.
    console.log(
      `int8 functional, ${threads} thread(s): ${INT_IMAGES} images in ${s.toFixed(2)} s wall = ${rate.toFixed(1)} images/s = ${((taps * INT_IMAGES) / s).toExponential(2)} taps/s; ${cpuS.toFixed(2)} CPU s = ${((taps * INT_IMAGES) / cpuS).toExponential(2)} taps per CPU second; 10,000 images would take ${(10_000 / rate).toFixed(0)} s wall at this rate, ${((10_000 / INT_IMAGES) * cpuS).toFixed(0)} CPU s (extrapolated from ${INT_IMAGES} images; target < 60 s on 2 cores); ${load()}`,
    );
  }

  const tg = performance.now();
  runIntegerGraph(prepared.graph, test.images, GATE_IMAGES, { backend: 'gate' });
  const sg = (performance.now() - tg) / 1000;
  console.log(
    `gate backend, 1 thread: ${GATE_IMAGES} images in ${sg.toFixed(1)} s = ${(GATE_IMAGES / sg).toFixed(3)} images/s; ${load()}`,
  );

  const { model } = loadModel(fx.checkpoint);
  const order = Array.from({ length: FLOAT_IMAGES }, (_, i) => i);
  const { x } = makeBatch(test, order, 0, FLOAT_IMAGES);
  model.forward(makeBatch(test, order, 0, 2).x);
  const tf = performance.now();
  const logits = model.forward(x);
  const sf = (performance.now() - tf) / 1000;
  console.log(
    `float eval (nn engine), 1 thread: ${FLOAT_IMAGES} images in ${sf.toFixed(2)} s = ${(FLOAT_IMAGES / sf).toFixed(2)} images/s; ${load()}`,
  );
  console.log(
    `official PyTorch formulation (unfold + abs-diff sum), batch 8: 1 thread ${torchFigure(1, 8)}; 2 threads ${torchFigure(2, 8)}; ${load()}`,
  );

  const floatTop = argmaxRows(logits);
  let same = 0;
  for (let i = 0; i < FLOAT_IMAGES; i++) if (floatTop[i] === predictions?.[i]) same++;
  // The int8 logits in real units (codes times the output scale) against the float logits.
  const last = prepared.graph.nodes[prepared.graph.nodes.length - 1];
  let codes: ArrayLike<number> = [];
  runIntegerGraph(prepared.graph, test.images, FLOAT_IMAGES, {
    onNode: (node, out) => {
      if (node.id === last.id) codes = out.data;
    },
  });
  const scale = last.format.kind === 'codes' ? last.format.scales[0] : 1;
  const a = Array.from(codes, (c) => c * scale);
  const b = Array.from(logits.data);
  console.log(
    `int8 vs float on ${FLOAT_IMAGES} synthetic images (random weights): top-1 ${same}/${FLOAT_IMAGES} agree; logits correlation ${correlation(a, b).toFixed(4)}, mean |difference| ${meanAbsDiff(a, b).toFixed(4)} (float logits' mean |value| ${meanAbsDiff(
      b,
      b.map(() => 0),
    ).toFixed(4)})`,
  );
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

function meanAbsDiff(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}
