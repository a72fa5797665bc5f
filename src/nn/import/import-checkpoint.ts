import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import { loadArchitecture } from '../architectures.js';
import { checkTensors } from '../check-tensors.js';
import { CHECKPOINT_FORMAT, saveCheckpoint } from '../checkpoint.js';
import { IMPORT_NORMALISATION } from '../data/normalisation.js';
import { deriveVariant, type Variant } from '../graph.js';
import { decodeSafetensors } from '../safetensors.js';
import { type MapRule, mapTensors } from './key-map.js';
import { readSource, type SourceFormat } from './source.js';

/**
 * `addersim import`: a PyTorch checkpoint (zip, legacy or safetensors with PyTorch names) in,
 * an addersim checkpoint out (checkpoint.ts), with this metadata besides the usual
 * format/architecture/variant/graph:
 *   dataset        the architecture's (cifar10, mnist, ...)
 *   normalisation  "(byte/255 - <mean>) / <std>", per channel joined by "/", as training writes
 *   accuracy       "" (not measured here)
 *   source, source_format, source_sha256   the file's name (no folder), format and SHA-256
 * Same input, same options: same output bytes.
 */
export interface ImportOptions {
  readonly file: string;
  /** Architecture name (models/arch) or file. */
  readonly net: string;
  readonly variant: Variant;
  readonly out: string;
  /** Per input channel; default: the dataset's usual statistics (mnist, cifar10). */
  readonly mean?: readonly number[];
  readonly std?: readonly number[];
  readonly rules?: readonly MapRule[];
}

export interface ImportResult {
  readonly file: string;
  readonly format: SourceFormat;
  readonly sha256: string;
  readonly net: string;
  readonly variant: Variant;
  readonly dataset: string;
  readonly tensors: number;
  readonly parameters: number;
  readonly ignored: number;
  readonly mean: number[];
  readonly std: number[];
  readonly normalisationDefault: boolean;
  /** Smallest and largest adder weight (null when the variant has no adder layer). */
  readonly adderWeights: { min: number; max: number } | null;
  readonly out: string;
  readonly outSha256: string;
}

export function importCheckpoint(o: ImportOptions): ImportResult {
  const graph = deriveVariant(loadArchitecture(o.net), o.variant);
  const input = graph.nodes[0];
  const channels = input.op === 'input' ? input.shape[0] : 0;
  const norm = normalisation(o, graph.dataset, channels, graph.name);
  checkOut(o.out, o.file);
  const source = readSource(o.file);
  const { tensors, ignored } = mapTensors(source.tensors, graph, o.rules ?? [], o.file);
  // The same value checks a checkpoint load applies, so no file is written that cannot be read.
  checkTensors(graph, tensors, o.file);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const node of graph.nodes) {
    if ((node.op === 'conv' || node.op === 'linear') && node.kind === 'adder') {
      for (const v of tensors.get(`${node.id}.weight`)!.data) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  saveCheckpoint(o.out, graph, tensors, {
    dataset: graph.dataset,
    normalisation: `(byte/255 - ${norm.mean.join('/')}) / ${norm.std.join('/')}`,
    accuracy: '',
    source: basename(o.file),
    source_format: source.format,
    source_sha256: source.sha256,
  });
  let parameters = 0;
  for (const t of tensors.values()) parameters += t.data.length;
  return {
    file: o.file,
    format: source.format,
    sha256: source.sha256,
    net: graph.name,
    variant: graph.variant,
    dataset: graph.dataset,
    tensors: tensors.size,
    parameters,
    ignored: ignored.length,
    mean: norm.mean,
    std: norm.std,
    normalisationDefault: o.mean === undefined,
    adderWeights: min <= max ? { min, max } : null,
    out: o.out,
    outSha256: createHash('sha256').update(readFileSync(o.out)).digest('hex'),
  };
}

function normalisation(o: ImportOptions, dataset: string, channels: number, net: string) {
  if ((o.mean === undefined) !== (o.std === undefined)) {
    throw new InputError('--mean and --std must be given together');
  }
  if (o.mean === undefined || o.std === undefined) {
    const known = IMPORT_NORMALISATION[dataset];
    if (!known) {
      throw new InputError(
        `--mean and --std are needed: ${net}'s dataset ${JSON.stringify(dataset)} has no default`,
      );
    }
    return { mean: [...known.mean], std: [...known.std] };
  }
  for (const [flag, values] of [
    ['mean', o.mean],
    ['std', o.std],
  ] as const) {
    if (values.length !== channels) {
      throw new InputError(
        `--${flag} must have ${channels} value${channels === 1 ? '' : 's'} (one per input channel of ${net}), not ${values.length}`,
      );
    }
  }
  return { mean: [...o.mean], std: [...o.std] };
}

/** The output may replace only an addersim checkpoint, and never the input. */
export function checkOut(out: string, file: string): void {
  if (!existsSync(out)) return;
  if (existsSync(file) && realpathSync(out) === realpathSync(file)) {
    throw new InputError(`--out must differ from the input file, not ${JSON.stringify(out)}`);
  }
  let ours = false;
  if (statSync(out).isFile()) {
    try {
      ours =
        decodeSafetensors(new Uint8Array(readFileSync(out)), out).metadata.format ===
        CHECKPOINT_FORMAT;
    } catch {
      ours = false;
    }
  }
  if (!ours) {
    throw new InputError(
      `--out ${out} exists and is not an addersim checkpoint; remove it or choose another path`,
    );
  }
}
