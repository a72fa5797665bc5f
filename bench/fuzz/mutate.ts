import fc from 'fast-check';

/**
 * Mutations the fuzzed input paths share: hostile JSON values put into one slot of a JSON tree,
 * and damage to bytes (truncation, flipped bits, 32-bit length fields set to extremes).
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

type ByteEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'u32'; at: number; value: number };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('u32' as const),
    at: fc.nat(),
    value: fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 0xffff, 8, 64),
  }),
);

export const byteEdits: fc.Arbitrary<ByteEdit[]> = fc.array(byteEdit, {
  minLength: 1,
  maxLength: 4,
});

/** A damaged copy of `original`. */
export function mutateBytes(original: Uint8Array, es: readonly ByteEdit[]): Uint8Array {
  let bytes = original.slice();
  for (const e of es) {
    if (bytes.length === 0) break;
    const at = e.at % bytes.length;
    if (e.kind === 'truncate') bytes = bytes.slice(0, at);
    else if (e.kind === 'flip') bytes[at] ^= e.mask;
    else if (at + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(at, e.value, true);
  }
  return bytes;
}
