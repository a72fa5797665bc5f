import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';

/**
 * Long-lived worker threads for jobs that arrive one at a time over a long run (a queue worker
 * takes jobs as other machines enqueue them), unlike `runPool`, which is handed its whole job
 * list at once. Each thread serves one job at a time (its script calls `serveJobs`) and keeps
 * whatever state its handler caches between jobs. The calling thread stays free while jobs run,
 * which a queue worker needs: it must keep renewing its claim on the jobs in flight.
 *
 * A thread that dies (an uncaught error, out of memory) rejects its job and is replaced.
 */
interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending<J, R> {
  readonly job: J;
  readonly resolve: (result: R) => void;
  readonly reject: (err: Error) => void;
}

interface Message<R> {
  readonly type: 'progress' | 'result' | 'error';
  readonly result?: R;
  readonly name?: string;
  readonly message?: string;
}

export class StandingPool<J, R> {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending<J, R>[] = [];
  private closed = false;

  constructor(
    private readonly script: URL,
    threads: number,
  ) {
    for (let i = 0; i < threads; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    return { worker: new Worker(this.script), busy: false };
  }

  /** Runs `job` on the next free thread. */
  run(job: J): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the thread pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (let i = 0; i < this.slots.length && this.waiting.length > 0; i++) {
      if (!this.slots[i].busy) this.start(i, this.waiting.shift() as Pending<J, R>);
    }
  }

  private start(index: number, pending: Pending<J, R>): void {
    const slot = this.slots[index];
    slot.busy = true;
    const { worker } = slot;
    const finish = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.busy = false;
      this.dispatch();
    };
    const onMessage = (m: Message<R>) => {
      if (m.type === 'progress') return;
      finish();
      if (m.type === 'result') pending.resolve(m.result as R);
      else {
        const message = m.message ?? 'the job failed';
        pending.reject(m.name === 'InputError' ? new InputError(message) : new Error(message));
      }
    };
    const replace = (err: Error) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      void worker.terminate();
      if (!this.closed) this.slots[index] = this.spawn();
      pending.reject(err);
      this.dispatch();
    };
    const onError = (err: Error) => replace(err);
    const onExit = (code: number) => replace(new Error(`a worker thread exited (code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(pending.job);
  }

  /** Stops every thread; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(new Error('the thread pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
