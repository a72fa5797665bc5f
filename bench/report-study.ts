import { performance } from 'node:perf_hooks';
import { runStudy } from '../src/study/index.js';
import type { StudyProgress } from '../src/study/options.js';

/**
 * Wall time of the default study (what `addersim report` runs before it writes the folder),
 * stage by stage, on the shipped MNIST checkpoints: BENCH_REPORT_LIMIT test images (default
 * all 10,000) and BENCH_REPORT_THREADS worker threads per inference run (default: the machine's
 * parallelism). The machine may be shared: the figures are for this run only.
 */
export async function run(): Promise<void> {
  const limit = process.env.BENCH_REPORT_LIMIT ? Number(process.env.BENCH_REPORT_LIMIT) : undefined;
  const threads = process.env.BENCH_REPORT_THREADS
    ? Number(process.env.BENCH_REPORT_THREADS)
    : undefined;
  const stages: [string, number][] = [];
  let current: [string, number] | undefined;
  const close = () => {
    if (current) stages.push([current[0], performance.now() - current[1]]);
    current = undefined;
  };
  const progress: StudyProgress = {
    stage(name) {
      close();
      current = [name, performance.now()];
    },
    tick() {},
    done: close,
  };
  const started = performance.now();
  const results = await runStudy({ limit, threads, progress });
  const total = performance.now() - started;
  console.log(
    `default study, ${results.accuracy.testImages} test images, threads ${threads ?? 'auto'}`,
  );
  console.log('stage          seconds');
  const setup = total - stages.reduce((s, [, t]) => s + t, 0);
  console.log(`${'load'.padEnd(13)} ${(setup / 1000).toFixed(1).padStart(7)}`);
  for (const [name, ms] of stages) {
    console.log(`${name.padEnd(13)} ${(ms / 1000).toFixed(1).padStart(7)}`);
  }
  console.log(`${'total'.padEnd(13)} ${(total / 1000).toFixed(1).padStart(7)}`);
}
