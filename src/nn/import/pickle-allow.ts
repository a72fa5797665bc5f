import type { DType } from './pickle-values.js';

/**
 * The allow-list: every global a checkpoint pickle may name, modelled on PyTorch's own
 * `weights_only=True` unpickler (torch/_weights_only_unpickler.py). A GLOBAL or STACK_GLOBAL
 * naming anything else is refused on the spot, so no other name ever reaches REDUCE, BUILD,
 * INST, OBJ or NEWOBJ; and the reader builds these by its own code, never by calling Python
 * or JavaScript functions named in the file.
 *
 *   callable (REDUCE)                          builds
 *   collections.OrderedDict                    an empty dict (state dicts, backward hooks)
 *   torch._utils._rebuild_tensor_v2            a tensor view of a storage
 *   torch._utils._rebuild_parameter            the same tensor (nn.Parameter)
 *   torch._utils._rebuild_parameter_with_state the same tensor
 *   names only (never called)
 *   torch.<T>Storage, torch.UntypedStorage,    a storage's element type in a persistent id
 *   torch.storage.UntypedStorage
 *   torch.<dtype> (float32, int64, ...)        an element type
 */
export const CALLABLES = [
  'collections.OrderedDict',
  'torch._utils._rebuild_tensor_v2',
  'torch._utils._rebuild_parameter',
  'torch._utils._rebuild_parameter_with_state',
] as const;
export type Callable = (typeof CALLABLES)[number];

/** Legacy typed storage classes and the element type each holds. */
const STORAGE_TYPES: Readonly<Record<string, DType>> = {
  'torch.FloatStorage': 'float32',
  'torch.DoubleStorage': 'float64',
  'torch.HalfStorage': 'float16',
  'torch.BFloat16Storage': 'bfloat16',
  'torch.LongStorage': 'int64',
  'torch.IntStorage': 'int32',
  'torch.ShortStorage': 'int16',
  'torch.CharStorage': 'int8',
  'torch.ByteStorage': 'uint8',
  'torch.BoolStorage': 'bool',
  // An untyped storage is bytes.
  'torch.UntypedStorage': 'uint8',
  'torch.storage.UntypedStorage': 'uint8',
};

/** torch dtype objects, under their canonical names and their aliases. */
const DTYPES: Readonly<Record<string, DType>> = {
  'torch.float32': 'float32',
  'torch.float': 'float32',
  'torch.float64': 'float64',
  'torch.double': 'float64',
  'torch.float16': 'float16',
  'torch.half': 'float16',
  'torch.bfloat16': 'bfloat16',
  'torch.int64': 'int64',
  'torch.long': 'int64',
  'torch.int32': 'int32',
  'torch.int': 'int32',
  'torch.int16': 'int16',
  'torch.short': 'int16',
  'torch.int8': 'int8',
  'torch.uint8': 'uint8',
  'torch.bool': 'bool',
};

/** Summary of the list for refusal messages (one line). */
export const ALLOWED_SUMMARY = `${CALLABLES.join(', ')}, torch.*Storage, torch.storage.UntypedStorage, torch dtypes`;

export function isAllowedGlobal(qualified: string): boolean {
  return (
    (CALLABLES as readonly string[]).includes(qualified) ||
    Object.hasOwn(STORAGE_TYPES, qualified) ||
    Object.hasOwn(DTYPES, qualified)
  );
}

export function isCallable(qualified: string): qualified is Callable {
  return (CALLABLES as readonly string[]).includes(qualified);
}

/** The element type a storage class or dtype global stands for, if it is one. */
export function elementType(qualified: string): DType | undefined {
  if (Object.hasOwn(STORAGE_TYPES, qualified)) return STORAGE_TYPES[qualified];
  if (Object.hasOwn(DTYPES, qualified)) return DTYPES[qualified];
  return undefined;
}
