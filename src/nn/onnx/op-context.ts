import { InputError } from '../../errors.js';
import { Attributes } from './attributes.js';
import type { GraphBuilder } from './builder.js';
import type { OnnxNode } from './proto.js';

/** One ONNX node being converted: its inputs, outputs, attributes and refusals. */
export class OpContext {
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Names the node in messages: `node "/conv1/Conv" (Conv)`. */
  readonly where: string;
  /** The ONNX node name (or its first output's), the base of the graph node id. */
  readonly name: string;

  constructor(
    readonly b: GraphBuilder,
    readonly node: OnnxNode,
    readonly opset: number,
  ) {
    this.inputs = node.input ?? [];
    this.outputs = node.output ?? [];
    this.name = (node.name || this.outputs[0] || node.opType || 'node').slice(0, 200);
    this.where = `node ${JSON.stringify(this.name)} (${(node.opType ?? '').slice(0, 100)})`;
  }

  /** The attributes, refusing any the op does not define here. */
  attrs(known: readonly string[]): Attributes {
    return new Attributes(this.node, this.where, this.b.file, known);
  }

  input(k: number): string {
    const name = this.inputs[k];
    if (name === undefined) this.fail(`input ${k}`, 'a tensor name', 'none');
    return name;
  }

  output(k: number): string {
    const name = this.outputs[k];
    if (name === undefined || name === '') this.fail(`output ${k}`, 'a tensor name', 'none');
    return name;
  }

  /** Refuses a node whose outputs from `from` on are read (mask, indices, running stats). */
  unusedOutputs(from: number): void {
    this.outputs.slice(from).forEach((name, k) => {
      if (name !== '' && (this.b.readers.get(name) ?? 0) > 0) {
        this.fail(`output ${from + k}`, 'only the first output to be read', JSON.stringify(name));
      }
    });
  }

  /** A new graph node id for this node. */
  id(): string {
    return this.b.uniqueId(this.name);
  }

  fail(what: string, expected: string, found: unknown): never {
    const shown = String(found);
    throw new InputError(
      `${this.b.file}: ${this.where}: ${what} (expected ${expected}, found ${shown})`,
    );
  }
}
