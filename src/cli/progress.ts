import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr, shown only when stderr is a terminal and --quiet is not given, so
 * that piped output and CI logs stay clean.
 */
export interface Progress {
  update(done: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

export function startProgress(
  total: number,
  options: { quiet?: boolean; label?: string; format?: string } = {},
): Progress {
  if (options.quiet || !process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        options.format ?? `${options.label ?? 'progress'} [{bar}] {value}/{total} {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done, payload) => bar.update(done, payload),
    stop: () => bar.stop(),
  };
}
