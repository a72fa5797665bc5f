import { ALLOWED_SUMMARY, CALLABLES, isAllowedGlobal, isCallable } from './pickle-allow.js';
import {
  kindOf,
  PickleDict,
  PickleGlobal,
  PickleTuple,
  type PickleValue,
  StorageRef,
  TorchTensor,
} from './pickle-values.js';

/**
 * What REDUCE, NEWOBJ/OBJ/INST and BUILD may build. Each function takes the allow-listed name
 * and checks its arguments' kinds; nothing is looked up or called by name.
 */
export type Fail = (why: string) => never;

/** Refuses a global not on the allow-list, before anything can use it. */
export function checkGlobal(module: string, name: string, fail: Fail): PickleGlobal {
  const qualified = `${module}.${name}`;
  if (!isAllowedGlobal(qualified)) {
    fail(`global ${qualified} is not allowed (allowed: ${ALLOWED_SUMMARY})`);
  }
  return new PickleGlobal(module, name);
}

/** REDUCE: `callable(*args)`. */
export function reduce(callable: PickleValue, args: PickleValue, fail: Fail): PickleValue {
  if (!(callable instanceof PickleGlobal)) {
    fail(`REDUCE calls a ${kindOf(callable)}; only allowed functions can be called`);
  }
  const g = callable as PickleGlobal;
  const name = g.qualified;
  if (!isCallable(name)) {
    fail(`calls ${name}, which is not allowed (callable: ${CALLABLES.join(', ')})`);
  }
  if (!(args instanceof PickleTuple)) fail(`REDUCE of ${name} needs a tuple of arguments`);
  const a = (args as PickleTuple).items;
  switch (name) {
    case 'collections.OrderedDict':
      if (a.length !== 0) fail(`${name} must be called with no arguments, not ${a.length}`);
      return new PickleDict();
    case 'torch._utils._rebuild_tensor_v2':
      return rebuildTensor(a, fail);
    case 'torch._utils._rebuild_parameter':
    case 'torch._utils._rebuild_parameter_with_state':
      if (a.length < 3 || !(a[0] instanceof TorchTensor)) {
        fail(`${name} needs a tensor and its flags, not ${a.map(kindOf).join(', ')}`);
      }
      return a[0];
  }
  return fail(`calls ${name}, which is not allowed`);
}

/** NEWOBJ, NEWOBJ_EX, OBJ, INST: only `OrderedDict()` is an object a state dict needs. */
export function newObject(cls: PickleValue, args: readonly PickleValue[], fail: Fail): PickleValue {
  if (!(cls instanceof PickleGlobal)) fail(`creates an object of a ${kindOf(cls)}`);
  const name = (cls as PickleGlobal).qualified;
  if (name !== 'collections.OrderedDict' || args.length !== 0) {
    fail(`creates an object of ${name}, which is not allowed (allowed: collections.OrderedDict())`);
  }
  return new PickleDict();
}

/**
 * BUILD (`__setstate__`): PyTorch sets a state dict's `_metadata` (module versions) this way,
 * and may set attributes on a tensor; neither matters to the weights, so the state is
 * checked for kind and dropped. BUILD on anything else is refused.
 */
export function build(target: PickleValue, state: PickleValue, fail: Fail): void {
  const stateOk = state === null || state instanceof PickleDict || state instanceof PickleTuple;
  if ((target instanceof PickleDict || target instanceof TorchTensor) && stateOk) return;
  fail(`BUILD sets the state of a ${kindOf(target)} from a ${kindOf(state)}; not allowed`);
}

function rebuildTensor(a: readonly PickleValue[], fail: Fail): TorchTensor {
  const name = '_rebuild_tensor_v2';
  if (a.length !== 6 && a.length !== 7) fail(`${name} needs 6 or 7 arguments, not ${a.length}`);
  const [storage, offset, size, stride, requiresGrad] = a;
  if (!(storage instanceof StorageRef))
    fail(`${name}: argument 1 must be a storage, not ${kindOf(storage)}`);
  if (!isCount(offset))
    fail(`${name}: storage offset must be a non-negative integer, not ${kindOf(offset)}`);
  const dims = intTuple(size, `${name}: size`, fail);
  const steps = intTuple(stride, `${name}: stride`, fail);
  if (steps.length !== dims.length) {
    fail(`${name}: stride has ${steps.length} entries but size has ${dims.length}`);
  }
  if (typeof requiresGrad !== 'boolean')
    fail(`${name}: requires_grad must be a bool, not ${kindOf(requiresGrad)}`);
  return new TorchTensor(storage as StorageRef, offset as number, dims, steps);
}

function isCount(v: PickleValue): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function intTuple(v: PickleValue, what: string, fail: Fail): number[] {
  if (!(v instanceof PickleTuple) || !v.items.every(isCount)) {
    fail(`${what} must be a tuple of non-negative integers, not ${kindOf(v)}`);
  }
  return [...(v as PickleTuple).items] as number[];
}
