import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readVectorFile } from '../../../src/cli/vectors.js';
import { buildDatapath } from '../../../src/gen/build-datapath.js';
import type { FuzzPath } from '../harness.js';

/**
 * CSV vectors (`datapath --input FILE`) for an 8-bit adder: headers in every order, missing and
 * extra columns, numbers out of range, malformed literals. An accepted vector must fit its port
 * (a value outside it would be silently wrapped: garbage), so the call returns NaN for one.
 */
const { netlist } = buildDatapath({ op: 'add', bits: 8 });
const cell = fc.oneof(
  fc.integer({ min: -128, max: 255 }).map(String),
  fc.integer({ min: -300, max: 300 }).map(String),
  fc.constantFrom('0', '1', '0x7f', '0b1', '0x', '0xff', '0b102', '-0', '1e3', '', ' '),
  fc.constantFrom('12345678901234567890', '--1', '0b', 'NaN', '"1"', '1,', '\t1'),
);
const header = fc.constantFrom('a,b,cin', 'b,a,cin', 'cin,a,b', 'a,b', 'a,b,cin,x', '', 'a,,b');
const valid = fc
  .tuple(fc.integer({ min: -128, max: 255 }), fc.integer({ min: -128, max: 255 }), fc.nat(1))
  .map((r) => r.map(String));
const row = fc.oneof(
  valid,
  fc.array(cell, { minLength: 3, maxLength: 3 }),
  fc.array(cell, { maxLength: 4 }),
);

const csvVectors: FuzzPath<[string, string[][]]> = {
  name: 'CSV vectors',
  runs: 300,
  input: fc.tuple(header, fc.array(row, { maxLength: 5 })),
  feed: ([h, rows], scratch) => {
    const file = join(scratch, 'v.csv');
    writeFileSync(file, [h, ...rows.map((r) => r.join(','))].join('\n'));
    return {
      names: file,
      call: () =>
        readVectorFile(file, netlist).map((v) =>
          Object.entries(v).map(([port, x]) =>
            x >= 0n && x < (port === 'cin' ? 2n : 256n) ? Number(x) : Number.NaN,
          ),
        ),
    };
  },
};

export const paths = [csvVectors] as FuzzPath[];
