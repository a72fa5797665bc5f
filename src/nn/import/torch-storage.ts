import { elementType } from './pickle-allow.js';
import type { Fail } from './pickle-calls.js';
import {
  kindOf,
  PickleGlobal,
  PickleTuple,
  type PickleValue,
  StorageRef,
} from './pickle-values.js';

/**
 * Persistent ids, PyTorch's references from the pickle to storages kept outside it:
 *   zip format     ('storage', <storage type>, key, location, numel)
 *   legacy format  ('storage', <storage type>, root key, location, numel, view)
 * where view is None or (view key, offset, size), elements of the root storage. The storage
 * type is an allow-listed global (torch.FloatStorage, ...). `location` ('cpu', 'cuda:0') is
 * ignored: everything is read on the CPU.
 */
export class StorageTable {
  /** Root storages by key, in the order first referenced. */
  readonly roots = new Map<string, StorageRef>();

  constructor(private readonly format: 'zip' | 'legacy') {}

  load = (pid: PickleValue, fail: Fail): StorageRef => {
    const items = pid instanceof PickleTuple ? pid.items : [];
    if (items[0] === 'module') fail('holds a whole pickled module; save its state_dict() instead');
    const arity = this.format === 'zip' ? 5 : 6;
    if (items[0] !== 'storage' || items.length !== arity) {
      fail(`persistent id must be a ('storage', ...) tuple of ${arity}, not a ${kindOf(pid)}`);
    }
    const [, type, key, , numel, view] = items;
    const dtype = type instanceof PickleGlobal ? elementType(type.qualified) : undefined;
    if (dtype === undefined)
      fail(`storage type must be a torch storage class, not ${kindOf(type)}`);
    if (typeof key !== 'string') fail(`storage key must be text, not ${kindOf(key)}`);
    if (!isCount(numel))
      fail(`storage ${key} size must be a non-negative integer, not ${kindOf(numel)}`);
    const k = key as string;
    const n = numel as number;
    let root = this.roots.get(k);
    if (root === undefined) {
      root = new StorageRef(k, dtype!, n, 0, n);
      this.roots.set(k, root);
    } else if (root.dtype !== dtype || root.rootNumel !== n) {
      fail(`storage ${k} is referenced as ${root.rootNumel} ${root.dtype} and as ${n} ${dtype}`);
    }
    if (view === undefined || view === null) return root;
    const v = view instanceof PickleTuple ? view.items : [];
    if (v.length !== 3 || typeof v[0] !== 'string' || !isCount(v[1]) || !isCount(v[2])) {
      return fail(`storage ${k} view must be (key, offset, size), not a ${kindOf(view)}`);
    }
    const [offset, size] = [v[1] as number, v[2] as number];
    if (offset + size > n) {
      fail(
        `storage view ${v[0]} covers elements ${offset} to ${offset + size} of a ${n}-element storage`,
      );
    }
    return new StorageRef(k, dtype!, n, offset, size);
  };
}

function isCount(v: PickleValue | undefined): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
