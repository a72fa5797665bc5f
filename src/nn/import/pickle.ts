import { InputError } from '../../errors.js';
import { ByteCursor, narrow, signedLittleEndian } from './byte-cursor.js';
import { build, checkGlobal, type Fail, newObject, reduce } from './pickle-calls.js';
import { MAX_PROTOCOL, opName, REFUSED_OPS } from './pickle-ops.js';
import { decimalFloat, decimalInt, quoted, rawUnicodeEscape, utf8 } from './pickle-text.js';
import {
  type DictKey,
  kindOf,
  PickleDict,
  PickleTuple,
  type PickleValue,
} from './pickle-values.js';

/**
 * A pickle reader that never executes: it interprets the opcodes of pickle-ops.ts on a stack
 * of plain values (pickle-values.ts). Globals must be on the allow-list (pickle-allow.ts) and
 * the only calls are the constructors of pickle-calls.ts, so a pickle that names os.system,
 * eval or anything else stops with an InputError at that name. Every opcode consumes at least
 * one byte, so reading takes time linear in the input.
 */
export interface UnpickleOptions {
  /** Named in every message. */
  readonly file: string;
  /** Resolves a persistent id (PyTorch's storage references). */
  readonly persistentLoad: (pid: PickleValue, fail: Fail) => PickleValue;
}

export interface Unpickled {
  readonly value: PickleValue;
  /** The offset just after STOP (the legacy format has several pickles in a row). */
  readonly end: number;
}

/** Integers longer than this many bytes are refused (bigint parsing is quadratic). */
const MAX_LONG_BYTES = 64;

export function unpickle(bytes: Uint8Array, start: number, options: UnpickleOptions): Unpickled {
  const { file } = options;
  const cur = new ByteCursor(bytes, start, (what, at) => {
    throw new InputError(`${file}: pickle is truncated: ${what} at byte ${at} runs past the end`);
  });
  const stack: PickleValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PickleValue>();
  let op = 'start';
  let opAt = start;
  const fail: Fail = (why) => {
    throw new InputError(`${file}: pickle ${why}`);
  };
  const failAt: Fail = (why) => fail(`${why} (${op} at byte ${opAt})`);
  const pop = (): PickleValue => {
    if (stack.length === 0 || stack.length === marks.at(-1)) failAt('pops an empty stack');
    return stack.pop()!;
  };
  const top = (): PickleValue => {
    if (stack.length === 0 || stack.length === marks.at(-1)) failAt('reads an empty stack');
    return stack[stack.length - 1];
  };
  const popMark = (): PickleValue[] => {
    const m = marks.pop();
    if (m === undefined) failAt('needs a MARK');
    return stack.splice(m as number);
  };
  const memoGet = (i: number): PickleValue => {
    if (!memo.has(i)) failAt(`reads memo entry ${i}, which was never stored`);
    return memo.get(i)!;
  };
  const memoIndex = (text: string): number => {
    if (!/^\d{1,15}$/.test(text))
      failAt(`memo index must be a decimal number, not ${JSON.stringify(text)}`);
    return Number(text);
  };
  const setItems = (dict: PickleValue, items: PickleValue[]): void => {
    if (!(dict instanceof PickleDict)) failAt(`sets items of a ${kindOf(dict)}, not a dict`);
    if (items.length % 2 !== 0) failAt('has a key without a value');
    for (let i = 0; i < items.length; i += 2)
      (dict as PickleDict).entries.set(dictKey(items[i]), items[i + 1]);
  };
  const dictKey = (k: PickleValue): DictKey => {
    if (k === null || ['boolean', 'number', 'bigint', 'string'].includes(typeof k))
      return k as DictKey;
    return failAt(`uses a ${kindOf(k)} as a dict key`);
  };
  const long = (n: number): PickleValue => {
    if (n < 0 || n > MAX_LONG_BYTES)
      failAt(`integer of ${n} bytes is not supported (at most ${MAX_LONG_BYTES})`);
    return narrow(signedLittleEndian(cur.take(n, op)));
  };
  while (cur.remaining > 0) {
    opAt = cur.pos;
    const byte = cur.u8('opcode');
    const name = opName(byte);
    if (name === undefined)
      fail(`has unknown opcode 0x${byte.toString(16).padStart(2, '0')} at byte ${opAt}`);
    op = name as string;
    if (REFUSED_OPS.has(name!)) failAt('is not supported in a checkpoint');
    switch (name) {
      case 'PROTO': {
        const p = cur.u8(op);
        if (p > MAX_PROTOCOL) failAt(`protocol ${p} is newer than ${MAX_PROTOCOL}`);
        break;
      }
      case 'FRAME':
        if (cur.u64(op) > cur.remaining) failAt('frame runs past the end');
        break;
      case 'STOP':
        return { value: pop(), end: cur.pos };
      case 'MARK':
        marks.push(stack.length);
        break;
      case 'POP':
        pop();
        break;
      case 'POP_MARK':
        popMark();
        break;
      case 'DUP':
        stack.push(top());
        break;
      case 'NONE':
        stack.push(null);
        break;
      case 'NEWTRUE':
      case 'NEWFALSE':
        stack.push(name === 'NEWTRUE');
        break;
      case 'INT': {
        const line = cur.line(op);
        stack.push(line === '01' ? true : line === '00' ? false : decimalInt(line, failAt));
        break;
      }
      case 'LONG':
        stack.push(decimalInt(cur.line(op), failAt));
        break;
      case 'BININT':
        stack.push(cur.i32(op));
        break;
      case 'BININT1':
        stack.push(cur.u8(op));
        break;
      case 'BININT2':
        stack.push(cur.u16(op));
        break;
      case 'LONG1':
        stack.push(long(cur.u8(op)));
        break;
      case 'LONG4':
        stack.push(long(cur.i32(op)));
        break;
      case 'FLOAT': {
        stack.push(decimalFloat(cur.line(op), failAt));
        break;
      }
      case 'BINFLOAT':
        stack.push(cur.f64be(op));
        break;
      case 'STRING':
        stack.push(quoted(cur.line(op), failAt));
        break;
      case 'BINSTRING': {
        const n = cur.i32(op);
        if (n < 0) failAt(`length ${n} is negative`);
        stack.push(utf8(cur.take(n, op), failAt));
        break;
      }
      case 'SHORT_BINSTRING':
      case 'SHORT_BINUNICODE':
        stack.push(utf8(cur.take(cur.u8(op), op), failAt));
        break;
      case 'UNICODE':
        stack.push(rawUnicodeEscape(cur.line(op), failAt));
        break;
      case 'BINUNICODE':
        stack.push(utf8(cur.take(cur.u32(op), op), failAt));
        break;
      case 'BINUNICODE8':
        stack.push(utf8(cur.take(cur.u64(op), op), failAt));
        break;
      case 'BINBYTES':
        stack.push(cur.take(cur.u32(op), op));
        break;
      case 'SHORT_BINBYTES':
        stack.push(cur.take(cur.u8(op), op));
        break;
      case 'BINBYTES8':
      case 'BYTEARRAY8':
        stack.push(cur.take(cur.u64(op), op));
        break;
      case 'EMPTY_TUPLE':
        stack.push(new PickleTuple([]));
        break;
      case 'TUPLE':
        stack.push(new PickleTuple(popMark()));
        break;
      case 'TUPLE1':
      case 'TUPLE2':
      case 'TUPLE3': {
        const n = Number(name.slice(5));
        const items: PickleValue[] = [];
        for (let i = 0; i < n; i++) items.unshift(pop());
        stack.push(new PickleTuple(items));
        break;
      }
      case 'EMPTY_LIST':
        stack.push([]);
        break;
      case 'LIST':
        stack.push(popMark());
        break;
      case 'APPEND': {
        const v = pop();
        const list = top();
        if (!Array.isArray(list)) failAt(`appends to a ${kindOf(list)}, not a list`);
        (list as PickleValue[]).push(v);
        break;
      }
      case 'APPENDS': {
        const items = popMark();
        const list = top();
        if (!Array.isArray(list)) failAt(`appends to a ${kindOf(list)}, not a list`);
        for (const v of items) (list as PickleValue[]).push(v);
        break;
      }
      case 'EMPTY_DICT':
        stack.push(new PickleDict());
        break;
      case 'DICT': {
        const d = new PickleDict();
        setItems(d, popMark());
        stack.push(d);
        break;
      }
      case 'SETITEM': {
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      }
      case 'SETITEMS': {
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 'GET':
        stack.push(memoGet(memoIndex(cur.line(op))));
        break;
      case 'BINGET':
        stack.push(memoGet(cur.u8(op)));
        break;
      case 'LONG_BINGET':
        stack.push(memoGet(cur.u32(op)));
        break;
      case 'PUT':
        memo.set(memoIndex(cur.line(op)), top());
        break;
      case 'BINPUT':
        memo.set(cur.u8(op), top());
        break;
      case 'LONG_BINPUT':
        memo.set(cur.u32(op), top());
        break;
      case 'MEMOIZE':
        memo.set(memo.size, top());
        break;
      case 'PERSID':
        stack.push(options.persistentLoad(cur.line(op), failAt));
        break;
      case 'BINPERSID':
        stack.push(options.persistentLoad(pop(), failAt));
        break;
      case 'GLOBAL': {
        const module = cur.line(op);
        stack.push(checkGlobal(module, cur.line(op), fail));
        break;
      }
      case 'STACK_GLOBAL': {
        const n = pop();
        const m = pop();
        if (typeof m !== 'string' || typeof n !== 'string')
          failAt('needs a module and a name as text');
        stack.push(checkGlobal(m as string, n as string, fail));
        break;
      }
      case 'REDUCE': {
        const args = pop();
        stack.push(reduce(pop(), args, failAt));
        break;
      }
      case 'BUILD': {
        const state = pop();
        build(top(), state, failAt);
        break;
      }
      case 'INST': {
        const module = cur.line(op);
        const cls = checkGlobal(module, cur.line(op), fail);
        stack.push(newObject(cls, popMark(), failAt));
        break;
      }
      case 'OBJ': {
        const items = popMark();
        if (items.length === 0) failAt('needs a class');
        stack.push(newObject(items[0], items.slice(1), failAt));
        break;
      }
      case 'NEWOBJ':
      case 'NEWOBJ_EX': {
        if (name === 'NEWOBJ_EX') {
          const kwargs = pop();
          if (!(kwargs instanceof PickleDict) || kwargs.entries.size > 0)
            failAt('passes keyword arguments');
        }
        const args = pop();
        if (!(args instanceof PickleTuple)) failAt('needs a tuple of arguments');
        stack.push(newObject(pop(), (args as PickleTuple).items, failAt));
        break;
      }
    }
  }
  return fail(`ends at byte ${bytes.length} without STOP`);
}
