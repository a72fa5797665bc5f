import { parentPort } from 'node:worker_threads';
import { type Job, runJob } from './jobs.js';

/**
 * Worker-thread entry: runs the jobs posted by the main thread (parallel.ts, sweep.ts) one at a
 * time, in the order received, and posts back progress and results. Results depend only on the
 * job, so the main thread can merge or sort them in a fixed order.
 */
const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (job: Job) => {
    queue = queue.then(async () => {
      try {
        const result = await runJob(job, (done) => port.postMessage({ type: 'progress', done }));
        port.postMessage({ type: 'result', result });
      } catch (err) {
        const e = err as Error;
        port.postMessage({ type: 'error', name: e.name, message: e.message });
      }
    });
  });
}
