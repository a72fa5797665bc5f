/**
 * What the pickle reader builds: plain data plus the few torch objects of a state dict.
 * Nothing here is callable; an allow-listed global is a name (PickleGlobal), and only the
 * reader's REDUCE decides what a call of it builds.
 */
export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleValue[]
  | PickleTuple
  | PickleDict
  | PickleGlobal
  | StorageRef
  | TorchTensor;

export class PickleTuple {
  constructor(readonly items: readonly PickleValue[]) {}
}

/** Keys a pickled dict may have here: Python's hashable scalars. */
export type DictKey = null | boolean | number | bigint | string;

export class PickleDict {
  readonly entries = new Map<DictKey, PickleValue>();
}

/** An allow-listed global (`module.name`), as a name only. */
export class PickleGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}

/** Element types of PyTorch storages that the importer knows; bytes per element. */
export const DTYPE_BYTES = {
  float32: 4,
  float64: 8,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
} as const;
export type DType = keyof typeof DTYPE_BYTES;

/**
 * A storage named by a persistent id: `key` selects its bytes (a zip entry or a legacy record),
 * `numel` elements of `dtype`; a legacy view covers elements [viewOffset, viewOffset + numel)
 * of the storage `key`, whose own size is `rootNumel`.
 */
export class StorageRef {
  constructor(
    readonly key: string,
    readonly dtype: DType,
    readonly rootNumel: number,
    readonly viewOffset: number,
    readonly numel: number,
  ) {}
}

/** `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)`, not yet read. */
export class TorchTensor {
  constructor(
    readonly storage: StorageRef,
    readonly offset: number,
    readonly size: readonly number[],
    readonly stride: readonly number[],
  ) {}
}

/** A value's kind for a message (never its content: a pickle can build cyclic data). */
export function kindOf(v: PickleValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'None';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PickleTuple) return `tuple of ${v.items.length}`;
  if (v instanceof PickleDict) return 'dict';
  if (v instanceof PickleGlobal) return v.qualified;
  if (v instanceof StorageRef) return 'storage';
  return 'tensor';
}
