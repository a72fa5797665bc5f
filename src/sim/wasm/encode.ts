/**
 * A minimal WebAssembly binary writer: just what the generated simulator kernels need (one
 * imported memory, exported functions with i32 parameters, i32 and v128 locals, loops, loads,
 * stores and the bitwise SIMD operations). Encoding per the WebAssembly core specification 2.0
 * (sections, LEB128 integers) and the fixed-width SIMD proposal (0xFD-prefixed opcodes).
 */

export const I32 = 0x7f;
export const V128 = 0x7b;

/** Opcodes used by the kernels; SIMD ones are [0xfd, LEB128 sub-opcode]. */
export const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Add: 0x6a,
  i32Sub: 0x6b,
} as const;

/** SIMD sub-opcodes (after the 0xfd prefix). */
export const SIMD = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
  not: 0x4d,
  and: 0x4e,
  andNot: 0x4f,
  or: 0x50,
  xor: 0x51,
  bitselect: 0x52,
  i32x4Shl: 0xab,
  i32x4ShrS: 0xac,
  i32x4ShrU: 0xad,
} as const;

export function uleb(value: number, out: number[] = []): number[] {
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function sleb(value: number, out: number[] = []): number[] {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function name(text: string): number[] {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...uleb(bytes.length), ...bytes];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** Instruction stream of one function body. */
export class Code {
  readonly bytes: number[] = [];

  op(...bytes: number[]): this {
    for (const b of bytes) this.bytes.push(b);
    return this;
  }
  get(local: number): this {
    this.bytes.push(OP.localGet);
    uleb(local, this.bytes);
    return this;
  }
  set(local: number): this {
    this.bytes.push(OP.localSet);
    uleb(local, this.bytes);
    return this;
  }
  i32(value: number): this {
    this.bytes.push(OP.i32Const);
    sleb(value, this.bytes);
    return this;
  }
  simd(sub: number): this {
    this.bytes.push(0xfd);
    uleb(sub, this.bytes);
    return this;
  }
  /** v128.load / v128.store with 16-byte alignment and a constant offset. */
  load(offset: number): this {
    return this.simd(SIMD.load).memarg(offset);
  }
  store(offset: number): this {
    return this.simd(SIMD.store).memarg(offset);
  }
  private memarg(offset: number): this {
    this.bytes.push(4);
    uleb(offset, this.bytes);
    return this;
  }
  /** v128.const with four i32 lanes all equal to `lane`. */
  splat(lane: number): this {
    this.simd(SIMD.const);
    for (let i = 0; i < 4; i++) {
      const v = lane >>> 0;
      this.bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
    }
    return this;
  }
}

export interface FunctionDef {
  readonly name: string;
  /** Number of i32 parameters (the kernels take pointers and counts only). */
  readonly params: number;
  /** Extra locals, in order after the parameters. */
  readonly locals: readonly { count: number; type: number }[];
  readonly code: Code;
}

/** A module importing `env.memory` (at least `pages` 64 KiB pages) and exporting `functions`. */
export function encodeModule(functions: readonly FunctionDef[], pages: number): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(new Array(f.params).fill([I32])), 0x00]);
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)]]);
  const funcs = vec(functions.map((_, i) => uleb(i)));
  const exports = vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]));
  const bodies = functions.map((f) => {
    const locals = vec(f.locals.filter((l) => l.count > 0).map((l) => [...uleb(l.count), l.type]));
    const body = [...locals, ...f.code.bytes, OP.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, vec(bodies)),
  ]);
}
