/**
 * The pickle opcodes a PyTorch checkpoint can contain, by byte (CPython's Lib/pickletools.py
 * documents each). Only these are read; any other byte is refused by name or as unknown.
 *
 *   byte  name              protocol  operand / effect
 *   0x28  MARK              0         push a mark
 *   0x2e  STOP              0         end; the top of the stack is the result
 *   0x30  POP, 0x31 POP_MARK, 0x32 DUP
 *   0x4e  NONE, 0x88 NEWTRUE, 0x89 NEWFALSE
 *   0x49  INT (decimal line; "00"/"01" are False/True), 0x4c LONG (decimal line, "L" suffix)
 *   0x4a  BININT (int32), 0x4b BININT1 (uint8), 0x4d BININT2 (uint16)
 *   0x8a  LONG1 (uint8 n, n-byte two's complement), 0x8b LONG4 (int32 n, n bytes)
 *   0x46  FLOAT (decimal line), 0x47 BINFLOAT (float64, big-endian)
 *   0x53  STRING (quoted line), 0x54 BINSTRING (int32 n), 0x55 SHORT_BINSTRING (uint8 n)
 *   0x56  UNICODE (raw-unicode-escape line), 0x58 BINUNICODE (uint32 n), 0x8c SHORT_BINUNICODE
 *         (uint8 n), 0x8d BINUNICODE8 (uint64 n): UTF-8 text
 *   0x42  BINBYTES (uint32 n), 0x43 SHORT_BINBYTES (uint8 n), 0x8e BINBYTES8, 0x96 BYTEARRAY8
 *   0x29  EMPTY_TUPLE, 0x74 TUPLE (from mark), 0x85/0x86/0x87 TUPLE1/2/3
 *   0x5d  EMPTY_LIST, 0x6c LIST (from mark), 0x61 APPEND, 0x65 APPENDS (from mark)
 *   0x7d  EMPTY_DICT, 0x64 DICT (from mark), 0x73 SETITEM, 0x75 SETITEMS (from mark)
 *   0x67  GET (decimal line), 0x68 BINGET (uint8), 0x6a LONG_BINGET (uint32)
 *   0x70  PUT (decimal line), 0x71 BINPUT (uint8), 0x72 LONG_BINPUT (uint32), 0x94 MEMOIZE
 *   0x50  PERSID (line), 0x51 BINPERSID: persistent id, how storages are referenced
 *   0x63  GLOBAL (module line, name line), 0x93 STACK_GLOBAL: a name, checked on the allow-list
 *   0x52  REDUCE, 0x62 BUILD, 0x69 INST, 0x6f OBJ, 0x81 NEWOBJ, 0x92 NEWOBJ_EX: calls, allowed
 *         only on allow-listed callables
 *   0x80  PROTO (uint8), 0x95 FRAME (uint64 length; framing only)
 * Named but refused (no checkpoint needs them): EMPTY_SET, ADDITEMS, FROZENSET, EXT1/2/4,
 * NEXT_BUFFER, READONLY_BUFFER, PERSID text ids other than storages.
 */
export const OPCODES = {
  40: 'MARK',
  46: 'STOP',
  48: 'POP',
  49: 'POP_MARK',
  50: 'DUP',
  70: 'FLOAT',
  71: 'BINFLOAT',
  73: 'INT',
  74: 'BININT',
  75: 'BININT1',
  76: 'LONG',
  77: 'BININT2',
  78: 'NONE',
  80: 'PERSID',
  81: 'BINPERSID',
  82: 'REDUCE',
  83: 'STRING',
  84: 'BINSTRING',
  85: 'SHORT_BINSTRING',
  86: 'UNICODE',
  88: 'BINUNICODE',
  66: 'BINBYTES',
  67: 'SHORT_BINBYTES',
  41: 'EMPTY_TUPLE',
  93: 'EMPTY_LIST',
  97: 'APPEND',
  98: 'BUILD',
  99: 'GLOBAL',
  100: 'DICT',
  101: 'APPENDS',
  103: 'GET',
  104: 'BINGET',
  105: 'INST',
  106: 'LONG_BINGET',
  108: 'LIST',
  111: 'OBJ',
  112: 'PUT',
  113: 'BINPUT',
  114: 'LONG_BINPUT',
  115: 'SETITEM',
  116: 'TUPLE',
  117: 'SETITEMS',
  125: 'EMPTY_DICT',
  128: 'PROTO',
  129: 'NEWOBJ',
  130: 'EXT1',
  131: 'EXT2',
  132: 'EXT4',
  133: 'TUPLE1',
  134: 'TUPLE2',
  135: 'TUPLE3',
  136: 'NEWTRUE',
  137: 'NEWFALSE',
  138: 'LONG1',
  139: 'LONG4',
  140: 'SHORT_BINUNICODE',
  141: 'BINUNICODE8',
  142: 'BINBYTES8',
  143: 'EMPTY_SET',
  144: 'ADDITEMS',
  145: 'FROZENSET',
  146: 'NEWOBJ_EX',
  147: 'STACK_GLOBAL',
  148: 'MEMOIZE',
  149: 'FRAME',
  150: 'BYTEARRAY8',
  151: 'NEXT_BUFFER',
  152: 'READONLY_BUFFER',
} as const satisfies Record<number, string>;

export type OpName = (typeof OPCODES)[keyof typeof OPCODES];

/** Opcodes a checkpoint never needs; refused by name so the message says what was found. */
export const REFUSED_OPS: ReadonlySet<OpName> = new Set([
  'EMPTY_SET',
  'ADDITEMS',
  'FROZENSET',
  'EXT1',
  'EXT2',
  'EXT4',
  'NEXT_BUFFER',
  'READONLY_BUFFER',
]);

export function opName(byte: number): OpName | undefined {
  return (OPCODES as Record<number, OpName>)[byte];
}

/** The highest pickle protocol (PROTO operand) this reader knows. */
export const MAX_PROTOCOL = 5;
