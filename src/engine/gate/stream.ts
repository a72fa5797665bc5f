/**
 * How a stream of `count` evaluations of a combinational netlist is laid out on lanes and
 * cycles so that toggles mean something: lane l takes the contiguous chunk l·T .. l·T + T − 1
 * (T = cycles), as one hardware unit would process them in order. Positions past the end
 * repeat the lane's last element (which toggles nothing); lanes that start past the end are
 * masked off. Counted transitions: count − lanes (one fewer than each lane's elements).
 * Words come in multiples of 4 (whole 128-lane groups).
 */
export interface StreamLayout {
  readonly words: number;
  readonly cycles: number;
  /** Lanes holding at least one element. */
  readonly lanes: number;
  /** Stream index fed to `lane` at cycle `t`. */
  index(lane: number, t: number): number;
}

/** Chunks of about 64 elements per lane: long enough to amortise, many lanes to fill words. */
export function streamLayout(count: number, chunk = 64): StreamLayout {
  const cycles = Math.max(1, Math.min(chunk, count));
  const lanes = Math.max(1, Math.ceil(count / cycles));
  const words = 4 * Math.ceil(lanes / 128);
  return {
    words,
    cycles,
    lanes,
    index(lane: number, t: number): number {
      const start = lane * cycles;
      if (start >= count) return 0;
      return Math.min(start + t, count - 1);
    },
  };
}
