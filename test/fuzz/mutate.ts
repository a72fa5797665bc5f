import fc from 'fast-check';
import { InputError } from '../../src/errors.js';

/**
 * Shared pieces of the input fuzzers: hostile JSON values, a mutation of one slot of a JSON
 * tree, and the contract every input path keeps (a result, or one InputError line naming the
 * input; any other exception fails the property with that exception).
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 3, 1e9, 1e300, -1e300, 0.5, 2 ** 53, -0),
  fc.constantFrom('', 'x', 'conv', 'adder', 'bnn', 'body', 'multiply', '__proto__', 'NaN'),
  fc.constantFrom(null, true, false, [], {}, [0], [1, 1], [-1, 2, 2]),
  fc.integer({ min: -5, max: 100 }),
  fc.double(),
);

export type Edit = readonly [pick: number, value: unknown, remove: boolean];

export const edits: fc.Arbitrary<Edit[]> = fc.array(
  fc.tuple(fc.nat(), hostileValue, fc.boolean()),
  { minLength: 1, maxLength: 3 },
);

/** Replaces (or deletes) the value at the `pick`-th slot of a depth-first walk of the tree. */
export function mutateJson(root: unknown, pick: number, value: unknown, remove = false): void {
  const slots: [Record<string, unknown> | unknown[], string][] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      slots.push([node as Record<string, unknown>, key]);
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(root);
  if (slots.length === 0) return;
  const [container, key] = slots[pick % slots.length];
  if (remove && Array.isArray(container)) container.splice(Number(key), 1);
  else if (remove) delete (container as Record<string, unknown>)[key];
  else (container as Record<string, unknown>)[key] = value;
}

/** Per-path counts of accepted and refused inputs, printed for the record by each suite. */
export class Tally {
  readonly counts = new Map<string, { ok: number; refused: number }>();

  /**
   * Runs one input through `read`. An InputError must be one line containing `names` (the
   * file or flag); `check` then validates an accepted result (finite numbers and so on).
   */
  run<T>(path: string, names: string, read: () => T, check: (result: T) => void): void {
    const c = this.counts.get(path) ?? { ok: 0, refused: 0 };
    this.counts.set(path, c);
    let result: T;
    try {
      result = read();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      if (err.message.includes('\n') || !err.message.includes(names)) {
        throw new Error(`refusal must be one line naming ${names}: ${err.message}`);
      }
      c.refused++;
      return;
    }
    check(result);
    c.ok++;
  }

  total(path: string): number {
    const c = this.counts.get(path);
    return c ? c.ok + c.refused : 0;
  }

  report(): string {
    return [...this.counts]
      .map(([p, c]) => `${p}: ${c.ok + c.refused} runs (${c.ok} accepted, ${c.refused} refused)`)
      .join('\n');
  }
}
