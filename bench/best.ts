/** The fastest of `repeats` runs of `work`, in seconds, with the value of the last run. */
export function best<T>(repeats: number, work: () => T): { seconds: number; value: T } {
  let seconds = Number.POSITIVE_INFINITY;
  let value: T | undefined;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    value = work();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, value: value as T };
}
