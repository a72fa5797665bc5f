import { existsSync, readFileSync } from 'node:fs';
import { budgetArchitecture } from '../src/budget/budget.js';
import { convertOnnx } from '../src/nn/onnx/convert.js';
import { decodeOnnx } from '../src/nn/onnx/proto.js';
import { readOnnx } from '../src/nn/onnx/read.js';
import { best } from './best.js';

/**
 * ONNX import speed on a real network: the file named by ADDERSIM_ONNX_BENCH (ResNet-18 from
 * torchvision, about 47 MB: `torch.onnx.export(torchvision.models.resnet18(weights=None).eval(),
 * torch.zeros(1, 3, 224, 224), "resnet18.onnx", opset_version=13)`). Too large to commit, so
 * the benchmark skips, saying why, when the variable is unset or names no file. Each step is
 * the best of REPEATS runs: protobuf decoding, conversion to a checked model graph with its
 * tensors, the whole readOnnx (file read included), and the budget of the three variants.
 */
const REPEATS = 3;

export async function run(): Promise<void> {
  const file = process.env.ADDERSIM_ONNX_BENCH;
  if (file === undefined || !existsSync(file)) {
    console.log(
      `skipped: set ADDERSIM_ONNX_BENCH to an ONNX file (e.g. torchvision ResNet-18); ${file === undefined ? 'it is unset' : `${file} does not exist`}`,
    );
    return;
  }
  const bytes = new Uint8Array(readFileSync(file));
  const decode = best(REPEATS, () => decodeOnnx(bytes, file));
  const convert = best(REPEATS, () => convertOnnx(decode.value, file, 'bench'));
  const whole = best(REPEATS, () => readOnnx(file));
  const budget = best(REPEATS, () => budgetArchitecture(whole.value.arch));
  let values = 0;
  for (const t of whole.value.tensors.values()) values += t.data.length;
  const mb = bytes.length / 1e6;
  console.log(
    `${file}: ${mb.toFixed(1)} MB, ${whole.value.arch.nodes.length} graph nodes, ${values} weight values`,
  );
  console.log(`protobuf decode                 ${decode.seconds.toFixed(3)} s`);
  console.log(`convert + check graph           ${convert.seconds.toFixed(3)} s`);
  console.log(
    `readOnnx (read, decode, convert) ${whole.seconds.toFixed(3)} s = ${(mb / whole.seconds).toFixed(0)} MB/s`,
  );
  console.log(
    `budget (cnn, addernet, bnn)     ${budget.seconds.toFixed(3)} s; cnn paper #Mul ${budget.value.totals.cnn.paperMul}`,
  );
}
