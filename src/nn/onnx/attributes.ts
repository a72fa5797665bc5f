import { InputError } from '../../errors.js';
import type { OnnxAttribute, OnnxNode, OnnxTensor } from './proto.js';
import { int64 } from './tensors.js';

/**
 * Typed access to a node's attributes. AttributeProto.type codes (onnx.proto): 1 FLOAT, 2 INT,
 * 3 STRING, 4 TENSOR, 5 GRAPH, 6 FLOATS, 7 INTS. Files from before IR version 2 leave `type`
 * out; then the field that is set decides. An attribute of the wrong type, and any attribute
 * the op does not define, is refused naming the node: an importer that ignored an attribute
 * would compute another network.
 */
export class Attributes {
  private readonly byName = new Map<string, OnnxAttribute>();

  constructor(
    node: OnnxNode,
    private readonly where: string,
    private readonly file: string,
    known: readonly string[],
  ) {
    for (const a of node.attribute ?? []) {
      const name = a.name ?? '';
      if (!known.includes(name)) {
        throw new InputError(
          `${file}: ${where}: unsupported attribute (expected ${known.length ? `one of ${known.join(', ')}` : 'none'}, found ${JSON.stringify(name)})`,
        );
      }
      if (this.byName.has(name)) {
        throw new InputError(`${file}: ${where}: attribute ${name} given twice`);
      }
      if (a.g !== undefined || (a.graphs?.length ?? 0) > 0) {
        throw new InputError(`${file}: ${where}: attribute ${name} holds a subgraph`);
      }
      this.byName.set(name, a);
    }
  }

  private get(name: string, type: number): OnnxAttribute | undefined {
    const a = this.byName.get(name);
    if (a === undefined) return undefined;
    if (a.type !== undefined && a.type !== 0 && a.type !== type) {
      throw new InputError(
        `${this.file}: ${this.where}: attribute ${name} has type ${a.type} (expected type ${type})`,
      );
    }
    return a;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  int(name: string, fallback: number): number {
    const a = this.get(name, 2);
    return a === undefined ? fallback : int64(a.i, `${this.where} attribute ${name}`, this.file);
  }

  ints(name: string): number[] | undefined {
    const a = this.get(name, 7);
    return (
      a?.ints?.map((v) => int64(v, `${this.where} attribute ${name}`, this.file)) ??
      (a ? [] : undefined)
    );
  }

  float(name: string): number | undefined {
    return this.get(name, 1)?.f ?? (this.byName.has(name) ? 0 : undefined);
  }

  string(name: string, fallback: string): string {
    const a = this.get(name, 3);
    return a?.s === undefined ? fallback : Buffer.from(a.s).toString('utf8');
  }

  tensor(name: string): OnnxTensor | undefined {
    return this.get(name, 4)?.t;
  }
}
