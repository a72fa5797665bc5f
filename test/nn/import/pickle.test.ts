import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { unpickle } from '../../../src/nn/import/pickle.js';
import {
  PickleDict,
  PickleTuple,
  type PickleValue,
  StorageRef,
  TorchTensor,
} from '../../../src/nn/import/pickle-values.js';

/**
 * The pickle reader on hand-assembled opcodes (CPython's pickletools documents each; the two
 * hex strings are CPython's own pickle.dumps output, quoted in their comments).
 */
const F = 'x.pkl';
const noPid = {
  file: F,
  persistentLoad: (_: PickleValue, fail: (why: string) => never) => fail('has a persistent id'),
};

/** Bytes from text (latin-1) and byte lists. */
function b(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)),
  );
}
const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
const load = (bytes: Uint8Array) => unpickle(bytes, 0, noPid).value;
const fails = (bytes: Uint8Array) => () => unpickle(bytes, 0, noPid);

const ALLOWED =
  'collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter, torch._utils._rebuild_parameter_with_state, torch.*Storage, torch.storage.UntypedStorage, torch dtypes';

describe('pickle reader: values', () => {
  it('reads the binary scalars of protocols 2 and 3', () => {
    const double = [0x3f, 0xf8, 0, 0, 0, 0, 0, 0]; // 1.5, big-endian
    const value = load(
      b(
        [0x80, 2],
        '](',
        'K',
        [5],
        'M',
        [0, 1],
        'J',
        [255, 255, 255, 255],
        [0x8a, 1, 0xff],
        [0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        'G',
        double,
        'N',
        [0x88, 0x89],
        'X',
        u32(3),
        'abc',
        [0x8c, 2],
        'hi',
        'C',
        [2, 1, 2],
        'e.',
      ),
    );
    expect(value).toEqual([
      5,
      256,
      -1,
      -1,
      2n ** 64n,
      1.5,
      null,
      true,
      false,
      'abc',
      'hi',
      new Uint8Array([1, 2]),
    ]);
  });

  it('reads the text opcodes of protocol 0', () => {
    const value = load(b("(I42\nI01\nI00\nL-7L\nF0.25\nS'a\\'b'\nVx\\u00e9\nl."));
    expect(value).toEqual([42, true, false, -7, 0.25, "a'b", 'x\u00e9']);
  });

  it('builds tuples of every arity (CPython: pickle.dumps((1, (2, 3), (4, 5, 6), ()), 2))', () => {
    const hex = '8002284b014b024b038671004b044b054b06877101297471022e';
    const value = load(new Uint8Array(Buffer.from(hex, 'hex')));
    expect(value).toEqual(
      new PickleTuple([
        1,
        new PickleTuple([2, 3]),
        new PickleTuple([4, 5, 6]),
        new PickleTuple([]),
      ]),
    );
  });

  it('shares memoised objects, cycles included', () => {
    const value = load(
      b([0x80, 2], '}q', [0], '(X', u32(1), 'aK', [1], 'X', u32(1), 'bh', [0], 'u.'),
    );
    expect(value).toBeInstanceOf(PickleDict);
    const d = value as PickleDict;
    expect(d.entries.get('a')).toBe(1);
    expect(d.entries.get('b')).toBe(d);
  });

  it('reads protocol 4 framing, MEMOIZE and STACK_GLOBAL (CPython: pickle.dumps(OrderedDict(), 4))', () => {
    const hex =
      '80049522000000000000008c0b636f6c6c656374696f6e73948c0b4f726465726564446963749493942952942e';
    const value = load(new Uint8Array(Buffer.from(hex, 'hex')));
    expect(value).toBeInstanceOf(PickleDict);
    expect((value as PickleDict).entries.size).toBe(0);
  });

  it('returns the offset after STOP, so that pickles in a row can be read one by one', () => {
    const bytes = b([0x80, 2], 'K', [7], '.', [0x80, 2], 'K', [8], '.');
    const first = unpickle(bytes, 0, noPid);
    expect(first).toEqual({ value: 7, end: 5 });
    expect(unpickle(bytes, first.end, noPid)).toEqual({ value: 8, end: 10 });
  });

  it('rebuilds tensors from persistent ids, as PyTorch writes them', () => {
    const storage = new StorageRef('0', 'float32', 6, 0, 6);
    const seen: PickleValue[] = [];
    const bytes = b(
      [0x80, 2],
      'ctorch._utils\n_rebuild_tensor_v2\n',
      '((X',
      u32(7),
      'storageK',
      [9],
      'tQ',
      'K',
      [1],
      'K',
      [2],
      'K',
      [2],
      [0x86],
      'K',
      [1],
      'K',
      [3],
      [0x86, 0x89],
      'ccollections\nOrderedDict\n)R',
      'tR.',
    );
    const value = unpickle(bytes, 0, {
      file: F,
      persistentLoad: (pid) => {
        seen.push(pid);
        return storage;
      },
    }).value;
    expect(seen).toEqual([new PickleTuple(['storage', 9])]);
    expect(value).toEqual(new TorchTensor(storage, 1, [2, 2], [1, 3]));
  });
});

describe('pickle reader: refusals, one line each', () => {
  const cases: [string, Uint8Array, string][] = [
    [
      'GLOBAL os.system',
      b([0x80, 2], 'cos\nsystem\nX', u32(2), 'id', [0x85], 'R.'),
      `${F}: pickle global os.system is not allowed (allowed: ${ALLOWED})`,
    ],
    [
      'STACK_GLOBAL builtins.eval',
      b([0x80, 4, 0x8c, 8], 'builtins', [0x8c, 4], 'eval', [0x93], '.'),
      `${F}: pickle global builtins.eval is not allowed (allowed: ${ALLOWED})`,
    ],
    [
      'INST subprocess.Popen',
      b("(S'ls'\nisubprocess\nPopen\n."),
      `${F}: pickle global subprocess.Popen is not allowed (allowed: ${ALLOWED})`,
    ],
    [
      'GLOBAL of a private torch helper',
      b('ctorch\nload\n.'),
      `${F}: pickle global torch.load is not allowed (allowed: ${ALLOWED})`,
    ],
    [
      'REDUCE of a non-callable allowed name',
      b('ctorch\nFloatStorage\n)R.'),
      `${F}: pickle calls torch.FloatStorage, which is not allowed (callable: collections.OrderedDict, torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter, torch._utils._rebuild_parameter_with_state) (REDUCE at byte 21)`,
    ],
    [
      'REDUCE of a tuple',
      b('))R.'),
      `${F}: pickle REDUCE calls a tuple of 0; only allowed functions can be called (REDUCE at byte 2)`,
    ],
    [
      'NEWOBJ of a rebuild function',
      b('ctorch._utils\n_rebuild_tensor_v2\n)', [0x81], '.'),
      `${F}: pickle creates an object of torch._utils._rebuild_tensor_v2, which is not allowed (allowed: collections.OrderedDict()) (NEWOBJ at byte 34)`,
    ],
    [
      'BUILD on a list',
      b(']}b.'),
      `${F}: pickle BUILD sets the state of a list from a dict; not allowed (BUILD at byte 2)`,
    ],
    ['an unknown opcode', b([0xff]), `${F}: pickle has unknown opcode 0xff at byte 0`],
    [
      'EXT1 (extension registry)',
      b([0x82, 1]),
      `${F}: pickle is not supported in a checkpoint (EXT1 at byte 0)`,
    ],
    ['a newer protocol', b([0x80, 6]), `${F}: pickle protocol 6 is newer than 5 (PROTO at byte 0)`],
    [
      'a length past the end',
      b('X', u32(1000), 'abc'),
      `${F}: pickle is truncated: BINUNICODE at byte 5 runs past the end`,
    ],
    ['no STOP', b('K', [1]), `${F}: pickle ends at byte 2 without STOP`],
    [
      'a memo entry never stored',
      b('h', [3], '.'),
      `${F}: pickle reads memo entry 3, which was never stored (BINGET at byte 0)`,
    ],
    ['an empty stack', b('.'), `${F}: pickle pops an empty stack (STOP at byte 0)`],
    [
      'a huge integer',
      b([0x8b], u32(1000), new Array(1000).fill(1), '.'),
      `${F}: pickle integer of 1000 bytes is not supported (at most 64) (LONG4 at byte 0)`,
    ],
    [
      'a list used as a dict key',
      b('}]K', [1], 's.'),
      `${F}: pickle uses a list as a dict key (SETITEM at byte 4)`,
    ],
    [
      'a persistent id where none is expected',
      b('K', [1], 'Q.'),
      `${F}: pickle has a persistent id (BINPERSID at byte 2)`,
    ],
  ];
  it.each(cases)('%s', (_, bytes, message) => {
    expect(fails(bytes)).toThrow(InputError);
    expect(fails(bytes)).toThrow(message);
    try {
      unpickle(bytes, 0, noPid);
    } catch (err) {
      expect((err as Error).message).toBe(message);
    }
  });
});
