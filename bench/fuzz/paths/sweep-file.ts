import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readRecords } from '../../../src/sweep/sweep.js';
import type { FuzzPath } from '../harness.js';

/**
 * Sweep results files read back to resume (`sweep --out FILE`): lines that are not records,
 * not JSON, or a header followed by anything. A record read back must be an object.
 */
const line = fc.oneof(
  fc.constantFrom('null', '1', '[]', '"x"', '{}', '{"bits":8}', '{', '', 'true'),
  fc.constantFrom('{"addersim":"sweep"}', '{"addersim":"sweep","limit":20}', '{"index":0}'),
  fc.json(),
);

const sweepFile: FuzzPath<string[]> = {
  name: 'sweep results file',
  runs: 250,
  input: fc.array(line, { maxLength: 5 }),
  feed: (lines, scratch) => {
    const file = join(scratch, 'sweep.jsonl');
    writeFileSync(file, lines.join('\n'));
    return {
      names: file,
      call: () =>
        readRecords(file).map((r) => (typeof r === 'object' && r !== null ? 0 : Number.NaN)),
    };
  },
};

export const paths = [sweepFile] as FuzzPath[];
