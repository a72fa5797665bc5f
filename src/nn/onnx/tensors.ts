import { InputError } from '../../errors.js';
import type { OnnxTensor } from './proto.js';

/**
 * ONNX TensorProto values, decoded only when a node reads them (an initializer of a type we
 * do not read is harmless until something uses it). data_type codes (onnx.proto DataType):
 *   1 FLOAT, 6 INT32, 7 INT64, 11 DOUBLE
 * Values come from `raw_data` (little-endian, fixed width: 4, 4, 8, 8 bytes) or from the typed
 * field (float_data, int32_data, int64_data, double_data); the count must equal the product of
 * the dims in both cases. Tensors stored outside the file (data_location = EXTERNAL) and
 * segmented tensors are refused: the importer reads one file.
 */

/** Dims and element limits: far above any CNN here (2^27 floats = 512 MB), far below a crash. */
export const MAX_TENSOR_ELEMENTS = 1 << 27;
const MAX_RANK = 8;

export interface FloatConst {
  readonly kind: 'float';
  readonly dims: readonly number[];
  readonly data: Float32Array;
}
export interface IntConst {
  readonly kind: 'int';
  readonly dims: readonly number[];
  readonly data: readonly number[];
}
export type Const = FloatConst | IntConst;

const TYPE_NAMES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  16: 'bfloat16',
};

export function typeName(code: number | undefined): string {
  return TYPE_NAMES[code ?? 0] ?? `data type ${code ?? 0}`;
}

/** A decimal int64 string as a safe integer; `what` names it in the refusal. */
export function int64(value: string | undefined, what: string, file: string): number {
  const n = Number(value ?? '0');
  if (!Number.isSafeInteger(n)) {
    throw new InputError(
      `${file}: ${what}: not a usable integer (expected a safe integer, found ${value})`,
    );
  }
  return n;
}

function dimsOf(t: OnnxTensor, what: string, file: string): number[] {
  const dims = (t.dims ?? []).map((d, k) => int64(d, `${what} dims[${k}]`, file));
  const size = dims.reduce((a, b) => a * b, 1);
  if (dims.length > MAX_RANK || dims.some((d) => d < 0) || size > MAX_TENSOR_ELEMENTS) {
    throw new InputError(
      `${file}: ${what}: impossible dims (expected at most ${MAX_RANK} dims >= 0 and ${MAX_TENSOR_ELEMENTS} elements, found [${dims}])`,
    );
  }
  return dims;
}

/** Decodes a float32/float64/int32/int64 tensor; anything else is refused naming `what`. */
export function decodeTensor(t: OnnxTensor, what: string, file: string): Const {
  if (t.dataLocation === 1 || (t.externalData?.length ?? 0) > 0) {
    throw new InputError(
      `${file}: ${what}: stored in an external file (expected its values inside the model; save it with all tensors in one file)`,
    );
  }
  if (t.segment !== undefined) {
    throw new InputError(`${file}: ${what}: a segmented tensor (expected one whole tensor)`);
  }
  const dims = dimsOf(t, what, file);
  const size = dims.reduce((a, b) => a * b, 1);
  const raw = t.rawData !== undefined && t.rawData.length > 0 ? t.rawData : undefined;
  const count = (found: number, field: string) => {
    if (found !== size) {
      throw new InputError(
        `${file}: ${what}: ${field} holds ${found} values (expected ${size} for dims [${dims}])`,
      );
    }
  };
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : undefined;
  switch (t.dataType) {
    case 1:
    case 11: {
      const width = t.dataType === 1 ? 4 : 8;
      const data = new Float32Array(size);
      if (view) {
        count(view.byteLength / width, 'raw_data');
        for (let i = 0; i < size; i++) {
          data[i] = width === 4 ? view.getFloat32(4 * i, true) : view.getFloat64(8 * i, true);
        }
      } else {
        const typed = (t.dataType === 1 ? t.floatData : t.doubleData) ?? [];
        count(typed.length, t.dataType === 1 ? 'float_data' : 'double_data');
        data.set(typed);
      }
      return { kind: 'float', dims, data };
    }
    case 6:
    case 7: {
      const width = t.dataType === 6 ? 4 : 8;
      let data: number[];
      if (view) {
        count(view.byteLength / width, 'raw_data');
        data = Array.from({ length: size }, (_, i) =>
          width === 4
            ? view.getInt32(4 * i, true)
            : int64(String(view.getBigInt64(8 * i, true)), `${what}[${i}]`, file),
        );
      } else if (t.dataType === 6) {
        data = [...(t.int32Data ?? [])];
        count(data.length, 'int32_data');
      } else {
        data = (t.int64Data ?? []).map((v, i) => int64(v, `${what}[${i}]`, file));
        count(data.length, 'int64_data');
      }
      return { kind: 'int', dims, data };
    }
    default:
      throw new InputError(
        `${file}: ${what}: unsupported tensor type (expected float32, float64, int32 or int64, found ${typeName(t.dataType)})`,
      );
  }
}
