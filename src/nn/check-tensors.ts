import { InputError } from '../errors.js';
import type { ModelGraph } from './graph.js';
import type { Tensor } from './tensor.js';

/**
 * Values a checkpoint's tensors must hold: every element finite (one NaN in a weight would
 * otherwise turn every prediction into the same class and print an accuracy as if nothing
 * were wrong), and BatchNorm running variances ≥ 0 (a negative variance has no square root).
 * The first bad element is named by tensor and flat index.
 */
export function checkTensors(
  graph: ModelGraph,
  tensors: ReadonlyMap<string, Tensor>,
  file: string,
): void {
  const variances = new Set(
    graph.nodes.filter((n) => n.op === 'bn').map((n) => `${n.id}.running_var`),
  );
  for (const name of [...tensors.keys()].sort()) {
    const data = tensors.get(name)!.data;
    const min = variances.has(name) ? 0 : -Infinity;
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (!(Number.isFinite(v) && v >= min)) {
        const expected = min === 0 ? 'a finite variance >= 0' : 'a finite number';
        throw new InputError(
          `${file}: tensor ${name}[${i}]: bad value (expected ${expected}, found ${v})`,
        );
      }
    }
  }
}
