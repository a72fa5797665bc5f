/**
 * Independent rebuilds of the shipped architectures' weight layers from their defining code:
 * huawei-noah/AdderNet resnet20.py and resnet50.py (ResNet._make_layer replayed, with the
 * official 1x1 downsampling shortcuts) and microsoft/LQ-Nets cifar10-vgg-small.py. Tests compare
 * the models/arch files and the budget's multiply counts against these.
 */

export interface Conv {
  id: string;
  cin: number;
  cout: number;
  k: number;
  s: number;
  p: number;
  /** Input map side (square maps). */
  size: number;
  role: 'stem' | 'body' | 'classifier';
  bias: boolean;
}

/** ResNet._make_layer of resnet20.py / resnet50.py, replayed. */
function resnetConvs(opts: {
  input: number;
  stem: { k: number; s: number; p: number; c: number; pool: boolean };
  stages: { planes: number; stride: number; blocks: number }[];
  bottleneck: boolean;
  classes: number;
  fcBias: boolean;
}): Conv[] {
  const out: Conv[] = [];
  const { stem } = opts;
  out.push({
    id: 'conv1',
    cin: 3,
    cout: stem.c,
    k: stem.k,
    s: stem.s,
    p: stem.p,
    size: opts.input,
    role: 'stem',
    bias: false,
  });
  let size = Math.floor((opts.input + 2 * stem.p - stem.k) / stem.s) + 1;
  if (stem.pool) size = Math.floor((size + 2 - 3) / 2) + 1;
  const expansion = opts.bottleneck ? 4 : 1;
  let inplanes = stem.c;
  opts.stages.forEach(({ planes, stride, blocks }, si) => {
    for (let b = 0; b < blocks; b++) {
      const st = b === 0 ? stride : 1;
      const p = `layer${si + 1}.${b}`;
      const after = Math.floor((size - 1) / st) + 1;
      const body = (
        id: string,
        cin: number,
        cout: number,
        k: number,
        s: number,
        at: number,
      ): Conv => ({
        id: `${p}.${id}`,
        cin,
        cout,
        k,
        s,
        p: k === 3 ? 1 : 0,
        size: at,
        role: 'body',
        bias: false,
      });
      if (opts.bottleneck) {
        out.push(body('conv1', inplanes, planes, 1, 1, size));
        out.push(body('conv2', planes, planes, 3, st, size));
        out.push(body('conv3', planes, planes * 4, 1, 1, after));
      } else {
        out.push(body('conv1', inplanes, planes, 3, st, size));
        out.push(body('conv2', planes, planes, 3, 1, after));
      }
      if (st !== 1 || inplanes !== planes * expansion) {
        out.push(body('downsample.0', inplanes, planes * expansion, 1, st, size));
      }
      inplanes = planes * expansion;
      size = after;
    }
  });
  out.push({
    id: 'fc',
    cin: inplanes,
    cout: opts.classes,
    k: 1,
    s: 1,
    p: 0,
    size: 1,
    role: 'classifier',
    bias: opts.fcBias,
  });
  return out;
}

const cifarResnet = (n: number) =>
  resnetConvs({
    input: 32,
    stem: { k: 3, s: 1, p: 1, c: 16, pool: false },
    stages: [16, 32, 64].map((planes, i) => ({ planes, stride: i === 0 ? 1 : 2, blocks: n })),
    bottleneck: false,
    classes: 10,
    fcBias: false,
  });
const imagenetResnet = (blocks: number[], bottleneck: boolean) =>
  resnetConvs({
    input: 224,
    stem: { k: 7, s: 2, p: 3, c: 64, pool: true },
    stages: [64, 128, 256, 512].map((planes, i) => ({
      planes,
      stride: i === 0 ? 1 : 2,
      blocks: blocks[i],
    })),
    bottleneck,
    classes: 1000,
    fcBias: true,
  });

/** LQ-Nets cifar10-vgg-small.py: conv0..conv5, pool after conv1, conv3, conv5; fc 8192 -> 10. */
function vggSmallConvs(): Conv[] {
  const widths = [128, 128, 256, 256, 512, 512];
  const sizes = [32, 32, 16, 16, 8, 8];
  const convs: Conv[] = widths.map((c, i) => ({
    id: `conv${i}`,
    cin: i === 0 ? 3 : widths[i - 1],
    cout: c,
    k: 3,
    s: 1,
    p: 1,
    size: sizes[i],
    role: i === 0 ? 'stem' : 'body',
    bias: false,
  }));
  // The linear layer as a 1x1 "conv" over the flattened 512·4·4 features.
  convs.push({
    id: 'fc',
    cin: 512 * 4 * 4,
    cout: 10,
    k: 1,
    s: 1,
    p: 0,
    size: 1,
    role: 'classifier',
    bias: true,
  });
  return convs;
}

export const RECIPES: Record<string, () => Conv[]> = {
  resnet20: () => cifarResnet(3),
  resnet32: () => cifarResnet(5),
  resnet18: () => imagenetResnet([2, 2, 2, 2], false),
  resnet50: () => imagenetResnet([3, 4, 6, 3], true),
  'vgg-small': vggSmallConvs,
};

/** MACs of a recipe: H_out·W_out·C_out·C_in·k² per layer. */
export function recipeMacs(convs: Conv[]): number {
  return convs.reduce((acc, c) => {
    const o = Math.floor((c.size + 2 * c.p - c.k) / c.s) + 1;
    return acc + o * o * c.cout * c.cin * c.k * c.k;
  }, 0);
}
