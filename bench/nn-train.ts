import { performance } from 'node:perf_hooks';
import {
  batchesPerEpoch,
  DEFAULT_SGD,
  loadMnist,
  MODEL_NAMES,
  Model,
  Sgd,
  trainEpoch,
  zooEntry,
  zooGraph,
} from '../src/nn/index.js';

/**
 * Training throughput of the three LeNet-5-BN variants on MNIST, single thread: images/s over
 * a measured fraction of an epoch (BENCH_NN_IMAGES images, default 3,200 = 50 batches of 64),
 * and the wall time of one 60,000-image epoch extrapolated from it (said so in the output).
 * The machine may be shared: figures are for this run only; compare the variants side by side.
 */
export async function run(): Promise<void> {
  const images = Number(process.env.BENCH_NN_IMAGES ?? 3200);
  const batch = 64;
  const data = loadMnist('train');
  const epochImages = batchesPerEpoch(data.count, batch) * batch;
  console.log(`variant          images/s  epoch (extrapolated from ${images} images)`);
  for (const name of MODEL_NAMES) {
    const model = new Model(zooGraph(name));
    model.initialise(1);
    const sgd = new Sgd(model.params(), { ...DEFAULT_SGD, lr: zooEntry(name).lr });
    // Warm-up: let the JIT compile the kernels before timing.
    trainEpoch(
      model,
      sgd,
      data,
      { seed: 1, batch, lr: 0.01, epochs: 1, shift: 0, limit: 4 * batch },
      0,
    );
    const start = performance.now();
    const r = trainEpoch(
      model,
      sgd,
      data,
      { seed: 1, batch, lr: 0.01, epochs: 1, shift: 0, limit: images },
      0,
    );
    const seconds = (performance.now() - start) / 1000;
    const rate = r.images / seconds;
    console.log(
      `${name.padEnd(16)} ${rate.toFixed(0).padStart(8)}  ${(epochImages / rate).toFixed(0)} s`,
    );
  }
}
