import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, Worker } from 'node:worker_threads';
import type { Outcome } from './fuzz/harness.js';
import { FUZZ_PATHS } from './fuzz/registry.js';
import { type FuzzJob, runFuzzJob } from './fuzz/worker.js';

/**
 * The full fuzz run (`npm run fuzz`): every registered input path fed its `runs` mutated inputs
 * (FUZZ_SCALE multiplies them, FUZZ_SEED picks another sample) in a worker thread with a
 * memory limit and a watchdog: an input still running after FUZZ_HANG_SECONDS (default 60) is
 * a hang, and the worker is replaced to go on with the next input; a worker that dies (out of
 * memory, stack) is a crash. Prints one row per path and the first problem of each kind.
 */
type Tally = Record<Outcome | 'hang', number>;

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const HANG_MS = 1000 * Number(process.env.FUZZ_HANG_SECONDS ?? 60);
// This file is also the worker's script: loaded off the main thread it runs one job.
const WORKER = new URL(import.meta.url);
if (!isMainThread) await runFuzzJob();

interface Message {
  readonly type: 'start' | 'done' | 'end';
  readonly i: number;
  readonly outcome?: Outcome;
  readonly detail?: string;
}

/** Runs one path to the end, restarting the worker after a hang or a death. */
function fuzzPath(name: string, count: number, scratch: string) {
  const tally: Tally = { ok: 0, refused: 0, garbage: 0, crash: 0, hang: 0 };
  const problems: string[] = [];
  const note = (kind: keyof Tally, i: number, detail = '') => {
    tally[kind]++;
    if (kind !== 'ok' && kind !== 'refused' && problems.length < 3) {
      problems.push(`  ${kind} at input ${i}: ${detail.split('\n').slice(0, 4).join(' | ')}`);
    }
  };
  return new Promise<{ tally: Tally; problems: string[] }>((finish) => {
    const start = (from: number) => {
      if (from >= count) {
        finish({ tally, problems });
        return;
      }
      const job: FuzzJob = { name, count, seed: SEED, from, scratch };
      const worker = new Worker(WORKER, {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: 2048 },
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume(); // what a path prints is not part of the table
      worker.stderr.resume();
      let current = from;
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const restart = (kind: 'hang' | 'crash', detail: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        note(kind, current, detail);
        void worker.terminate().then(() => start(current + 1));
      };
      worker.on('message', (m: Message) => {
        if (m.type === 'start') {
          current = m.i;
          timer = setTimeout(() => restart('hang', `no answer in ${HANG_MS / 1000} s`), HANG_MS);
        } else if (m.type === 'done') {
          clearTimeout(timer);
          note(m.outcome!, m.i, m.detail);
        } else {
          settled = true;
          void worker.terminate().then(() => finish({ tally, problems }));
        }
      });
      worker.on('error', (err) => restart('crash', `worker died: ${err.message}`));
      worker.on('exit', (code) => restart('crash', `worker exited with code ${code}`));
    };
    start(0);
  });
}

export async function run(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'addersim-fuzz-'));
  const header = [
    'path',
    'runs',
    'exit 0 finite',
    'exit 2 one line',
    'garbage',
    'crashes',
    'hangs',
    's',
  ];
  const rows: string[][] = [];
  const total: Tally = { ok: 0, refused: 0, garbage: 0, crash: 0, hang: 0 };
  console.log(`seed ${SEED}, scale ${SCALE}, hang after ${HANG_MS / 1000} s`);
  try {
    for (const path of FUZZ_PATHS) {
      const why = path.unavailable?.();
      const count = Math.round(path.runs * SCALE);
      if (why !== undefined) {
        rows.push([path.name, '0', `skipped: ${why}`, '', '', '', '', '']);
        continue;
      }
      const t0 = performance.now();
      const { tally, problems } = await fuzzPath(path.name, count, scratch);
      const seconds = ((performance.now() - t0) / 1000).toFixed(0);
      for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += tally[k];
      rows.push([
        path.name,
        String(count),
        String(tally.ok),
        String(tally.refused),
        String(tally.garbage),
        String(tally.crash),
        String(tally.hang),
        seconds,
      ]);
      console.log(`${path.name}: ${count} runs in ${seconds} s`);
      for (const p of problems) console.log(p);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const runs = total.ok + total.refused + total.garbage + total.crash + total.hang;
  rows.push([
    'total',
    String(runs),
    String(total.ok),
    String(total.refused),
    String(total.garbage),
    String(total.crash),
    String(total.hang),
    '',
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  if (total.garbage + total.crash + total.hang > 0) process.exitCode = 1;
}
