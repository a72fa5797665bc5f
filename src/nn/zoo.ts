import { InputError, show } from '../errors.js';
import { loadArchitecture } from './architectures.js';
import { deriveVariant, type ModelGraph, type Variant } from './graph.js';

/**
 * The named models the CLI trains: an architecture file and a variant, plus the learning rate
 * each was checked to train well with (SGD, momentum 0.9, weight decay 5e-4, cosine decay).
 */
export const MODEL_NAMES = ['lenet5-bn-adder', 'lenet5-bn-cnn', 'lenet5-bn-bnn'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

interface ZooEntry {
  readonly architecture: string;
  readonly variant: Variant;
  readonly lr: number;
}

const ZOO: Record<ModelName, ZooEntry> = {
  // AdderNet paper, MNIST: initial learning rate 0.1 (the adaptive scaling sets the adder
  // layers' step size independently of their gradient magnitude).
  'lenet5-bn-adder': { architecture: 'lenet5', variant: 'addernet', lr: 0.1 },
  'lenet5-bn-cnn': { architecture: 'lenet5', variant: 'cnn', lr: 0.05 },
  'lenet5-bn-bnn': { architecture: 'lenet5', variant: 'bnn', lr: 0.05 },
};

export function zooEntry(name: string): ZooEntry & { name: ModelName } {
  if (!(MODEL_NAMES as readonly string[]).includes(name)) {
    throw new InputError(`model must be one of ${MODEL_NAMES.join(', ')}, not ${show(name)}`);
  }
  return { ...ZOO[name as ModelName], name: name as ModelName };
}

/** The architectures `train` knows a recipe for (MNIST-shaped input). */
export const TRAINABLE_NETS = [...new Set(Object.values(ZOO).map((e) => e.architecture))];

/** The named model of an architecture and variant (`--net lenet5 --variant addernet`). */
export function zooModel(net: string, variant: string): ModelName {
  if (!TRAINABLE_NETS.includes(net)) {
    throw new InputError(
      `--net must be one of ${TRAINABLE_NETS.join(', ')} (the architectures train has a recipe for), not ${show(net)}`,
    );
  }
  const name = MODEL_NAMES.find((n) => ZOO[n].architecture === net && ZOO[n].variant === variant);
  if (name === undefined) {
    const variants = MODEL_NAMES.filter((n) => ZOO[n].architecture === net).map(
      (n) => ZOO[n].variant,
    );
    throw new InputError(`--variant must be one of ${variants.join(', ')}, not ${show(variant)}`);
  }
  return name;
}

export function zooGraph(name: string): ModelGraph {
  const entry = zooEntry(name);
  return deriveVariant(loadArchitecture(entry.architecture), entry.variant);
}
