import { describe, expect, it } from 'vitest';
import { buildDatapath } from '../../src/gen/build-datapath.js';
import { DATAPATH_OPS } from '../../src/gen/catalog.js';

/**
 * The width range each op advertises (in `datapath --help` and the catalog) is exactly the
 * range it accepts: both ends build, with every signedness it supports, and one step outside
 * is refused with the advertised range. (pe-mac at 256 bits once failed inside its accumulator.)
 */
describe('advertised width ranges are the accepted ones', () => {
  for (const spec of DATAPATH_OPS) {
    const { min, max } = spec.widths;
    const signs = spec.signedness === 'either' ? [false, true] : [spec.signedness === 'signed'];
    it(`${spec.op}: ${min} to ${max} bits`, { timeout: 120_000 }, () => {
      for (const signed of signs) {
        for (const bits of [min, max]) {
          const built = buildDatapath({ op: spec.op, bits, signed });
          expect(built.options.width).toBe(bits);
        }
      }
      for (const bits of [min - 1, max + 1]) {
        expect(() => buildDatapath({ op: spec.op, bits, signed: signs[0] })).toThrow(
          `--bits must be an integer from ${min} to ${max}, not ${bits}`,
        );
      }
    });
  }
});
