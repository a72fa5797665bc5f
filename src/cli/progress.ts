import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for work that takes more than a second. It is not shown when
 * stderr is not a terminal (pipes, logs, CI) or the terminal cannot move the cursor
 * (TERM=dumb), unless --progress asks for it (then a plain line every few seconds); never with
 * --quiet; and it appears only once the work has run for SHOW_AFTER_MS, so short steps never
 * flash a bar. Results on stdout are unaffected either way.
 */
export interface Progress {
  update(done: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

/** Work that finishes within this time gets no bar. */
export const SHOW_AFTER_MS = 1000;

let forced = false;

/** --progress: show progress where there is no terminal too. */
export function forceProgress(on: boolean): void {
  forced = on;
}

/** Seconds between the lines of progress written where there is no terminal. */
const LINE_EVERY_MS = 5000;

export function startProgress(
  total: number,
  options: { quiet?: boolean; label?: string; format?: string } = {},
): Progress {
  const terminal = process.stderr.isTTY === true && process.env.TERM !== 'dumb';
  if (options.quiet || !(terminal || forced)) {
    return { update() {}, stop() {} };
  }
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  return {
    update(done, payload) {
      if (stopped) return;
      if (bar) {
        bar.update(done, payload);
        return;
      }
      if (Date.now() - started < SHOW_AFTER_MS) return;
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format:
            options.format ??
            `${options.label ?? 'progress'} [{bar}] {value}/{total} {eta_formatted}`,
          hideCursor: terminal,
          clearOnComplete: terminal,
          noTTYOutput: !terminal,
          notTTYSchedule: LINE_EVERY_MS,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done, payload);
    },
    stop() {
      stopped = true;
      bar?.stop();
    },
  };
}
