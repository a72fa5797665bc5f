import protobuf from 'protobufjs/light.js';
import { InputError } from '../../errors.js';

/**
 * The part of ONNX's protobuf schema (onnx/onnx.proto, proto2) that an importer of CNNs reads,
 * as a protobufjs descriptor. Field numbers are ONNX's. Everything else in a file is skipped
 * by the decoder without being decoded, on purpose:
 * - subgraph attributes (AttributeProto.g = 6, .graphs = 11) and TypeProto's sequence, map and
 *   optional types are the schema's only recursive messages; g and graphs are read as opaque
 *   bytes (their presence refuses the node) and the type kinds are not declared, so no file
 *   can make the decoder recurse through nested messages;
 * - training info, functions, metadata, doc strings: not needed to price or run a network.
 * Presence-only fields (segment, external_data, sparse_initializer) are read as bytes so that
 * a file relying on them is refused instead of imported without those tensors.
 */
const DESCRIPTOR = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            producerName: { type: 'string', id: 2 },
            producerVersion: { type: 'string', id: 3 },
            graph: { type: 'GraphProto', id: 7 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: {
          fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
        },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
            sparseInitializer: { rule: 'repeated', type: 'bytes', id: 15 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            t: { type: 'TensorProto', id: 5 },
            g: { type: 'bytes', id: 6 },
            floats: { rule: 'repeated', type: 'float', id: 7 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            graphs: { rule: 'repeated', type: 'bytes', id: 11 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            dataType: { type: 'int32', id: 2 },
            segment: { type: 'bytes', id: 3 },
            floatData: { rule: 'repeated', type: 'float', id: 4 },
            int32Data: { rule: 'repeated', type: 'int32', id: 5 },
            int64Data: { rule: 'repeated', type: 'int64', id: 7 },
            name: { type: 'string', id: 8 },
            rawData: { type: 'bytes', id: 9 },
            doubleData: { rule: 'repeated', type: 'double', id: 10 },
            externalData: { rule: 'repeated', type: 'bytes', id: 13 },
            dataLocation: { type: 'int32', id: 14 },
          },
        },
        ValueInfoProto: {
          fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } },
        },
        TypeProto: { fields: { tensorType: { type: 'TensorTypeProto', id: 1 } } },
        TensorTypeProto: {
          fields: {
            elemType: { type: 'int32', id: 1 },
            shape: { type: 'TensorShapeProto', id: 2 },
          },
        },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: {
          fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } },
        },
      },
    },
  },
};

/** int64 fields arrive as decimal strings (toObject longs: String) and are checked here. */
export interface OnnxTensor {
  readonly dims?: string[];
  readonly dataType?: number;
  readonly segment?: Uint8Array;
  readonly floatData?: number[];
  readonly int32Data?: number[];
  readonly int64Data?: string[];
  readonly name?: string;
  readonly rawData?: Uint8Array;
  readonly doubleData?: number[];
  readonly externalData?: Uint8Array[];
  readonly dataLocation?: number;
}
export interface OnnxAttribute {
  readonly name?: string;
  readonly f?: number;
  readonly i?: string;
  readonly s?: Uint8Array;
  readonly t?: OnnxTensor;
  readonly g?: Uint8Array;
  readonly floats?: number[];
  readonly ints?: string[];
  readonly graphs?: Uint8Array[];
  readonly type?: number;
}
export interface OnnxNode {
  readonly input?: string[];
  readonly output?: string[];
  readonly name?: string;
  readonly opType?: string;
  readonly attribute?: OnnxAttribute[];
  readonly domain?: string;
}
export interface OnnxValueInfo {
  readonly name?: string;
  readonly type?: {
    readonly tensorType?: {
      readonly elemType?: number;
      readonly shape?: { readonly dim?: { dimValue?: string; dimParam?: string }[] };
    };
  };
}
export interface OnnxGraph {
  readonly node?: OnnxNode[];
  readonly name?: string;
  readonly initializer?: OnnxTensor[];
  readonly input?: OnnxValueInfo[];
  readonly output?: OnnxValueInfo[];
  readonly sparseInitializer?: Uint8Array[];
}
export interface OnnxModel {
  readonly irVersion?: string;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly graph?: OnnxGraph;
  readonly opsetImport?: { domain?: string; version?: string }[];
}

const MODEL = protobuf.Root.fromJSON(DESCRIPTOR).lookupType('onnx.ModelProto');

/**
 * Decodes an ONNX ModelProto; `file` names it in the one-line refusal of a file that is not one
 * (truncated, not protobuf, a wrong wire type, or nesting of unknown groups deep enough to
 * exhaust the stack).
 */
export function decodeOnnx(bytes: Uint8Array, file: string): OnnxModel {
  try {
    const message = MODEL.decode(bytes);
    return MODEL.toObject(message, { longs: String }) as OnnxModel;
  } catch (err) {
    const why = err instanceof RangeError ? err.message.replace(/\s+/g, ' ') : String(err);
    throw new InputError(
      `${file}: not a valid ONNX model (expected a complete ModelProto protobuf, found ${why.replace(/^Error: /, '')})`,
    );
  }
}
