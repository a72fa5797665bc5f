import type { Network } from '../study/results.js';

/** The verdict's vocabulary: topics, outcomes and findings (verdict.ts computes them). */
export const VERDICT_TOPICS = [
  'asic-energy',
  'cpu-cycles',
  'cpu-energy',
  'fpga-latency',
  'fpga-energy',
  'accuracy',
] as const;
export type VerdictTopic = (typeof VERDICT_TOPICS)[number];
export type Outcome = 'wins' | 'loses' | 'tie';

export interface Finding {
  readonly topic: VerdictTopic;
  /** Cost table id; null for accuracy. */
  readonly table: string | null;
  readonly versus: Exclude<Network, 'addernet'>;
  /** AdderNet's value and the other network's (pJ, cycles, µs or percent). */
  readonly addernet: number;
  readonly other: number;
  readonly outcome: Outcome;
  readonly text: string;
}
