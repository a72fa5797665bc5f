/**
 * Switching activity of one simulation stream, the input to the gate-level energy model.
 * Zero-delay model (the default, `toggleModel` absent): a net toggles at most once between
 * consecutive vectors (or clock cycles); glitches are not modelled, so real circuits toggle
 * more — say so wherever numbers are shown. The timing-aware simulator counts glitches too and
 * names its model in `toggleModel`.
 */
export interface Activity {
  /** Number of vectors (or cycles) in the stream; transitions counted = vectors - 1 per lane. */
  readonly vectors: number;
  /** Transitions counted, summed over lanes. */
  readonly transitions: number;
  /** Toggle count per net id (length = netlist.netCount). */
  readonly netToggles: Float64Array;
  /** How toggles were counted, when not zero-delay: e.g. 'transport-delay (glitches counted)'. */
  readonly toggleModel?: string;
}
