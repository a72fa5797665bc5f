import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadModel } from '../../../src/nn/checkpoint.js';
import { decodeSafetensors, encodeSafetensors } from '../../../src/nn/safetensors.js';
import { tensor } from '../../../src/nn/tensor.js';
import { fromRoot } from '../../../src/paths.js';
import type { Fed, FuzzPath } from '../harness.js';
import { type Edit, edits, mutateJson } from '../mutate.js';

/**
 * Checkpoints (`eval`, `infer`, `sweep --model`): the shipped LeNet-5 AdderNet with its graph
 * metadata, its safetensors header or its tensor values mutated, read by loadModel and run on
 * two images (running is part of reading: finite weights can still overflow on the way).
 */
const CHECKPOINT = readFileSync(fromRoot('models', 'lenet5-bn-adder.safetensors'));
const decoded = decodeSafetensors(new Uint8Array(CHECKPOINT), 'checkpoint');
const HEADER_BYTES = Number(CHECKPOINT.readBigUInt64LE(0));

function feedBytes(bytes: Uint8Array, scratch: string): Fed {
  const file = join(scratch, 'ckpt.safetensors');
  writeFileSync(file, bytes);
  return {
    names: file,
    call: () => {
      const x = tensor([2, 1, 28, 28]);
      x.data.fill(0.5, 0, 784);
      return loadModel(file).model.forward(x).data;
    },
  };
}

const graphMetadata: FuzzPath<Edit[]> = {
  name: 'checkpoint graph metadata',
  runs: 400,
  input: edits,
  feed: (es, scratch) => {
    const graph = JSON.parse(decoded.metadata.graph);
    for (const [pick, value, remove] of es) mutateJson(graph, pick, value, remove);
    const meta = { ...decoded.metadata, graph: JSON.stringify(graph) };
    return feedBytes(encodeSafetensors(decoded.tensors, meta), scratch);
  },
};

const header: FuzzPath<Edit[]> = {
  name: 'checkpoint safetensors header',
  runs: 250,
  input: edits,
  feed: (es, scratch) => {
    const h = JSON.parse(CHECKPOINT.subarray(8, 8 + HEADER_BYTES).toString('utf8'));
    delete h.__metadata__.graph; // the graph has its own path above
    for (const [pick, value, remove] of es) mutateJson(h, pick, value, remove);
    h.__metadata__ = { ...h.__metadata__, graph: decoded.metadata.graph };
    const json = Buffer.from(JSON.stringify(h), 'utf8');
    const out = new Uint8Array(8 + json.length + (CHECKPOINT.length - 8 - HEADER_BYTES));
    new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
    out.set(json, 8);
    out.set(CHECKPOINT.subarray(8 + HEADER_BYTES), 8 + json.length);
    return feedBytes(out, scratch);
  },
};

const NAMES = [...decoded.tensors.keys()].sort();
const poison = fc.tuple(
  fc.nat(),
  fc.nat(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 3e38, -3e38, -1, 0, -1e-30, 1e30),
);

const tensorValues: FuzzPath<[number, number, number]> = {
  name: 'checkpoint tensor values',
  runs: 250,
  input: poison,
  feed: ([t, i, v], scratch) => {
    const tensors = new Map(decoded.tensors);
    const name = NAMES[t % NAMES.length];
    const old = decoded.tensors.get(name)!;
    const data = old.data.slice();
    data[i % data.length] = v;
    tensors.set(name, { shape: old.shape, data });
    return feedBytes(encodeSafetensors(tensors, decoded.metadata), scratch);
  },
};

export const paths = [graphMetadata, header, tensorValues] as FuzzPath[];
