import fc from 'fast-check';
import { InputError } from '../../src/errors.js';

/**
 * The contract every input path keeps, whatever it is fed: a result whose numbers are all
 * finite (exit 0 with a finite result), or one InputError line naming the input (exit 2 with
 * one line); never another exception ("internal error"), never a result with NaN/Infinity in
 * it (silent garbage), never a hang. An input path is one `FuzzPath`: how to make mutated
 * inputs and how to feed one to the entry point a user reaches. registry.ts lists them all;
 * bench/fuzz.ts runs the large count (with a watchdog for hangs) and the test suite a small one.
 */
export interface FuzzPath<T = unknown> {
  /** The row of the table: which input and entry point. */
  readonly name: string;
  /** Mutated inputs of this path. */
  readonly input: fc.Arbitrary<T>;
  /** How many inputs the full fuzz run feeds this path (the test suite feeds fewer). */
  readonly runs: number;
  /** Why the path cannot run here (a missing tool), or undefined. */
  readonly unavailable?: () => string | undefined;
  /**
   * Puts one input where its entry point reads it (files go into `scratch`, a folder of this
   * run) and returns the call, and the text a refusal must contain (the file or flag).
   */
  readonly feed: (input: T, scratch: string) => Fed;
}

export interface Fed {
  readonly names: string;
  readonly call: () => unknown;
}

export type Outcome = 'ok' | 'refused' | 'garbage' | 'crash';

export interface Verdict {
  readonly outcome: Outcome;
  /** What went wrong, for garbage and crashes. */
  readonly detail?: string;
}

/** The first number in `value` that is not finite, as a path ("items.3.energyPj: NaN"). */
export function nonFinite(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  const seen = new Set<object>(); // imported structures may be cyclic
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return `${at || 'result'}: ${v}`;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const arr = v as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < arr.length; i++) {
        const x = arr[i];
        if (typeof x === 'number' && !Number.isFinite(x)) return `${at}[${i}]: ${x}`;
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) stack.push([x, at ? `${at}.${k}` : k]);
    }
  }
  return undefined;
}

/** Feeds one input and judges the outcome against the contract. */
export async function judge<T>(path: FuzzPath<T>, input: T, scratch: string): Promise<Verdict> {
  let fed: Fed;
  let result: unknown;
  try {
    fed = path.feed(input, scratch);
  } catch (err) {
    return { outcome: 'crash', detail: `feeding the input failed: ${(err as Error).message}` };
  }
  try {
    result = await fed.call();
  } catch (err) {
    if (!(err instanceof InputError)) {
      return { outcome: 'crash', detail: (err as Error)?.stack ?? String(err) };
    }
    if (err.message.includes('\n') || !err.message.includes(fed.names)) {
      return {
        outcome: 'crash',
        detail: `a refusal must be one line naming ${fed.names}: ${err.message}`,
      };
    }
    return { outcome: 'refused' };
  }
  const bad = nonFinite(result);
  return bad === undefined ? { outcome: 'ok' } : { outcome: 'garbage', detail: bad };
}

/** The `count` inputs of a path, the same for the same seed. */
export function inputsOf<T>(path: FuzzPath<T>, count: number, seed: number): T[] {
  return count === 0 ? [] : fc.sample(path.input, { numRuns: count, seed });
}
