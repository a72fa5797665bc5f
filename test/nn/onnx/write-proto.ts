/**
 * A minimal protobuf writer for hand-made ONNX models in tests (field numbers from ONNX's
 * onnx.proto), independent of the importer's decoder: each function returns the bytes of one
 * message, so a test can build exactly the hostile file it needs.
 */
type Bytes = Uint8Array;

export function varint(n: bigint | number): Bytes {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v ? b | 0x80 : b);
  } while (v);
  return Uint8Array.from(out);
}

export function cat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const int = (field: number, n: bigint | number) => cat(varint(field << 3), varint(n));
export function bytes(field: number, data: Bytes | string): Bytes {
  const d = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return cat(varint((field << 3) | 2), varint(d.length), d);
}

export const attrInt = (name: string, v: number) => cat(bytes(1, name), int(3, v), int(20, 2));
export const attrInts = (name: string, vs: number[]) =>
  cat(bytes(1, name), ...vs.map((v) => int(8, v)), int(20, 7));

export function node(
  op: string,
  inputs: string[],
  outputs: string[],
  name: string,
  attrs: Bytes[] = [],
): Bytes {
  return cat(
    ...inputs.map((i) => bytes(1, i)),
    ...outputs.map((o) => bytes(2, o)),
    bytes(3, name),
    bytes(4, op),
    ...attrs.map((a) => bytes(5, a)),
  );
}

export function floatTensor(
  name: string,
  dims: number[],
  values: number[],
  extra: Bytes[] = [],
): Bytes {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return cat(...dims.map((d) => int(1, d)), int(2, 1), bytes(8, name), bytes(9, raw), ...extra);
}

export function valueInfo(name: string, dims: (number | string)[]): Bytes {
  const shape = cat(...dims.map((d) => bytes(1, typeof d === 'string' ? bytes(2, d) : int(1, d))));
  return cat(bytes(1, name), bytes(2, bytes(1, cat(int(1, 1), bytes(2, shape)))));
}

export interface ModelParts {
  nodes: Bytes[];
  initializers?: Bytes[];
  inputs: [string, (number | string)[]][];
  outputs: [string, (number | string)[]][];
  opset?: number;
}

export function model(p: ModelParts): Bytes {
  const graph = cat(
    ...p.nodes.map((n) => bytes(1, n)),
    bytes(2, 'g'),
    ...(p.initializers ?? []).map((t) => bytes(5, t)),
    ...p.inputs.map(([n, d]) => bytes(11, valueInfo(n, d))),
    ...p.outputs.map(([n, d]) => bytes(12, valueInfo(n, d))),
  );
  return cat(int(1, 7), bytes(7, graph), bytes(8, cat(bytes(1, ''), int(2, p.opset ?? 13))));
}
