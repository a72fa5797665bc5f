import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetArchitecture } from '../../src/budget/budget.js';
import { readVectorFile } from '../../src/cli/vectors.js';
import { estimateOps } from '../../src/cost/estimate-ops.js';
import { parseTable } from '../../src/cost/tables.js';
import { buildDatapath } from '../../src/gen/build-datapath.js';
import { loadArchitecture } from '../../src/nn/architectures.js';
import { loadModel } from '../../src/nn/checkpoint.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/nn/safetensors.js';
import { tensor } from '../../src/nn/tensor.js';
import { fromRoot } from '../../src/paths.js';
import { readRecords } from '../../src/sweep/sweep.js';
import { edits, mutateJson, Tally } from './mutate.js';

/**
 * Every file input path, fuzzed in-process through the entry point the CLI calls: mutated
 * inputs either give a finite result or one InputError line naming the file. Runs are counted
 * per path; the totals are asserted below and printed for the record.
 */
const tally = new Tally();
const dir = mkdtempSync(join(tmpdir(), 'addersim-fuzz-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`input fuzz runs per path\n${tally.report()}`);
});

/** Every number reachable in `value` is finite (null stands for "not priced"). */
function expectFinite(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    else if (v instanceof Float32Array) expect(v.every(Number.isFinite)).toBe(true);
    else if (typeof v === 'object' && v !== null) stack.push(...Object.values(v));
  }
}

const CHECKPOINT = readFileSync(fromRoot('models', 'lenet5-bn-adder.safetensors'));
const decoded = decodeSafetensors(new Uint8Array(CHECKPOINT), 'ckpt');

function runCheckpoint(bytes: Uint8Array): void {
  const file = join(dir, 'ckpt.safetensors');
  writeFileSync(file, bytes);
  tally.run(
    'checkpoint',
    file,
    () => {
      // Running is part of reading: finite weights can still overflow float32 on the way.
      const x = tensor([2, 1, 28, 28]);
      x.data.fill(0.5, 0, 784);
      return loadModel(file).model.forward(x);
    },
    (logits) => expectFinite(logits.data),
  );
}

describe('checkpoints', () => {
  it('graph metadata mutated', () => {
    fc.assert(
      fc.property(edits, (es) => {
        const graph = JSON.parse(decoded.metadata.graph);
        for (const [pick, value, remove] of es) mutateJson(graph, pick, value, remove);
        runCheckpoint(
          encodeSafetensors(decoded.tensors, { ...decoded.metadata, graph: JSON.stringify(graph) }),
        );
      }),
      { numRuns: 500, seed: 17 },
    );
  });

  it('safetensors header fields mutated', () => {
    const n = Number(new DataView(CHECKPOINT.buffer, CHECKPOINT.byteOffset).getBigUint64(0, true));
    const header = JSON.parse(CHECKPOINT.subarray(8, 8 + n).toString('utf8'));
    delete header.__metadata__.graph; // the graph has its own property above
    fc.assert(
      fc.property(edits, (es) => {
        const h = structuredClone(header);
        for (const [pick, value, remove] of es) mutateJson(h, pick, value, remove);
        h.__metadata__ = { ...h.__metadata__, graph: decoded.metadata.graph };
        const json = Buffer.from(JSON.stringify(h), 'utf8');
        const out = new Uint8Array(8 + json.length + (CHECKPOINT.length - 8 - n));
        new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
        out.set(json, 8);
        out.set(CHECKPOINT.subarray(8 + n), 8 + json.length);
        runCheckpoint(out);
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('tensor values replaced (NaN, infinities, huge, negative variances)', () => {
    const names = [...decoded.tensors.keys()].sort();
    const value = fc.constantFrom(Number.NaN, Infinity, -Infinity, 3e38, -1, 0, -1e-30);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), value, (t, i, v) => {
        const tensors = new Map(decoded.tensors);
        const name = names[t % names.length];
        const old = decoded.tensors.get(name)!;
        const data = old.data.slice();
        data[i % data.length] = v;
        tensors.set(name, { shape: old.shape, data });
        runCheckpoint(encodeSafetensors(tensors, decoded.metadata));
      }),
      { numRuns: 300, seed: 23 },
    );
  });
});

describe('architecture files (budget --net FILE)', () => {
  it.each(['lenet5', 'resnet20'])('%s mutated', (name) => {
    const base = readFileSync(fromRoot('models', 'arch', `${name}.json`), 'utf8');
    const file = join(dir, `${name}.json`);
    fc.assert(
      fc.property(edits, (es) => {
        const arch = JSON.parse(base);
        for (const [pick, value, remove] of es) mutateJson(arch, pick, value, remove);
        writeFileSync(file, JSON.stringify(arch));
        tally.run(
          'architecture',
          file,
          () => budgetArchitecture(loadArchitecture(file), { bits: 8 }),
          expectFinite,
        );
      }),
      { numRuns: 250, seed: 29 },
    );
  });
});

describe('cost tables', () => {
  const names = ['asic-45nm-horowitz', 'fpga-xilinx-7series'];
  it.each(names)('%s mutated (values, duplicated rows, deep nesting)', (name) => {
    const base = JSON.parse(readFileSync(fromRoot('cost-tables', `${name}.json`), 'utf8'));
    const extra = fc.constantFrom('none', 'duplicate-row', 'duplicate-point', 'deep');
    fc.assert(
      fc.property(edits, extra, (es, how) => {
        const t = structuredClone(base);
        for (const [pick, value, remove] of es) mutateJson(t, pick, value, remove);
        if (how === 'duplicate-row' && Array.isArray(t.ops)) t.ops.push(t.ops[0]);
        if (how === 'duplicate-point' && Array.isArray(t.ops?.[0]?.points)) {
          t.ops[0].points.push(t.ops[0].points[0]);
        }
        let text = JSON.stringify(t);
        if (how === 'deep')
          text = text.replace('[', `[${'['.repeat(100_000)}${']'.repeat(100_000)},`);
        tally.run(
          'cost table',
          'fuzz-table.json',
          () => {
            const table = parseTable(text, 'fuzz-table.json');
            const ops = [1, 8, 32].flatMap((bits) =>
              (['add', 'abs', 'xnor', 'popcount', 'mul'] as const).map((op) => ({
                op,
                bits,
                count: 1e9,
              })),
            );
            try {
              return estimateOps(table, ops);
            } catch (err) {
              // A table that prices fewer ops says so naming itself; the file was accepted.
              if ((err as Error).message.includes(`table ${table.name}`)) return undefined;
              throw err;
            }
          },
          (est) => expectFinite(est && { e: est.energyPj, items: est.items }),
        );
      }),
      { numRuns: 250, seed: 31 },
    );
  });
});

describe('CSV vectors (datapath --input)', () => {
  const { netlist } = buildDatapath({ op: 'add', bits: 8 });
  const cell = fc.oneof(
    fc.integer({ min: -128, max: 255 }).map(String),
    fc.integer({ min: -300, max: 300 }).map(String),
    fc.constantFrom('0', '1', '0x7f', '0b1'),
    fc.constantFrom(
      '0x',
      '0xff',
      '0b102',
      '-0',
      '1e3',
      '',
      ' ',
      '12345678901234567890',
      '--1',
      '0b',
    ),
  );
  it('mutated rows', () => {
    const file = join(dir, 'v.csv');
    const header = fc.constantFrom('a,b,cin', 'b,a,cin', 'cin,a,b', 'a,b', 'a,b,cin,x', '', 'a,,b');
    const valid = fc
      .tuple(fc.integer({ min: -128, max: 255 }), fc.integer({ min: -128, max: 255 }), fc.nat(1))
      .map((r) => r.map(String));
    const row = fc.oneof(
      valid,
      fc.array(cell, { minLength: 3, maxLength: 3 }),
      fc.array(cell, { maxLength: 4 }),
    );
    fc.assert(
      fc.property(header, fc.array(row, { maxLength: 4 }), (h, rows) => {
        writeFileSync(file, [h, ...rows.map((r) => r.join(','))].join('\n'));
        tally.run(
          'csv vectors',
          file,
          () => readVectorFile(file, netlist),
          (vs) => {
            for (const v of vs)
              for (const [port, x] of Object.entries(v))
                expect(x >= 0n && x < (port === 'cin' ? 2n : 256n)).toBe(true);
          },
        );
      }),
      { numRuns: 300, seed: 37 },
    );
  });
});

describe('sweep results files (sweep --out, resumed)', () => {
  it('mutated lines', () => {
    const file = join(dir, 'sweep.jsonl');
    mkdirSync(dir, { recursive: true });
    const line = fc.oneof(
      fc.constantFrom('null', '1', '[]', '"x"', '{}', '{"bits":8}', '{', '', 'true'),
      fc.json(),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), (lines) => {
        writeFileSync(file, lines.join('\n'));
        tally.run(
          'sweep file',
          file,
          () => readRecords(file),
          (rs) => {
            for (const r of rs) expect(typeof r === 'object' && r !== null).toBe(true);
          },
        );
      }),
      { numRuns: 200, seed: 41 },
    );
  });
});

it('every path above ran its mutated inputs', () => {
  const want = { checkpoint: 1100, architecture: 500, 'cost table': 500, 'csv vectors': 300 };
  for (const [path, n] of Object.entries(want)) expect(tally.total(path)).toBe(n);
  expect(tally.total('sweep file')).toBe(200);
});
