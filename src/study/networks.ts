import { InputError, show } from '../errors.js';
import { type Checkpoint, loadCheckpoint } from '../nn/checkpoint.js';
import type { ModelGraph } from '../nn/graph.js';
import type { CheckpointRef } from './options.js';
import { NETWORKS, type Network } from './results.js';

/**
 * The three trained networks a study compares: one checkpoint per variant, all of the same
 * architecture and dataset. Checked where they enter; a mismatch names the file and the field.
 */
export interface StudyNetwork {
  readonly network: Network;
  readonly ref: CheckpointRef;
  readonly checkpoint: Checkpoint;
  readonly graph: ModelGraph;
  /** Ids of the body conv and linear layers (adder, multiply or binary by variant). */
  readonly bodyLayers: readonly string[];
}

export interface StudyNetworks {
  readonly architecture: string;
  readonly dataset: string;
  readonly networks: readonly StudyNetwork[];
}

/** Datasets the study can evaluate on (the test set is read from the installed package). */
export const STUDY_DATASETS = ['mnist'] as const;

export function loadStudyNetworks(refs: Readonly<Record<Network, CheckpointRef>>): StudyNetworks {
  const networks = NETWORKS.map((network): StudyNetwork => {
    const ref = refs[network];
    const checkpoint = loadCheckpoint(ref.file);
    const graph = checkpoint.graph;
    if (graph.variant !== network) {
      throw new InputError(
        `checkpoint ${ref.label} must hold the ${network} variant, not ${show(graph.variant)}`,
      );
    }
    const bodyLayers = graph.nodes.flatMap((n) =>
      (n.op === 'conv' || n.op === 'linear') && n.role === 'body' ? [n.id] : [],
    );
    return { network, ref, checkpoint, graph, bodyLayers };
  });
  const first = networks[0];
  const dataset = first.checkpoint.metadata.dataset ?? '';
  for (const n of networks) {
    if (n.graph.name !== first.graph.name) {
      throw new InputError(
        `checkpoint ${n.ref.label} must hold architecture ${show(first.graph.name)} like ${first.ref.label}, not ${show(n.graph.name)}`,
      );
    }
    const ds = n.checkpoint.metadata.dataset ?? '';
    if (!(STUDY_DATASETS as readonly string[]).includes(ds)) {
      throw new InputError(
        `checkpoint ${n.ref.label}: dataset must be one of ${STUDY_DATASETS.join(', ')}, not ${show(ds)}`,
      );
    }
  }
  return { architecture: first.graph.name, dataset, networks };
}
