import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fromRoot } from '../../src/paths.js';
import { type InferOptions, measureWithPredictions } from '../../src/pipeline/measure.js';
import { prepareNetwork } from '../../src/pipeline/prepare.js';

/**
 * Slot circuits in LeNet-5: the functional backend (lookup tables) and the gate backend (PE
 * netlists built around the circuit) predict the same classes with the same counters and
 * accumulators; the circuit changes what the network computes (a harsh one changes
 * predictions); and a slot without layers to act on is refused.
 */
const LIMIT = 12;
const adder = prepareNetwork(fromRoot('models', 'lenet5-bn-adder.safetensors'), { bits: 8 });
const cnn = prepareNetwork(fromRoot('models', 'lenet5-bn-cnn.safetensors'), { bits: 8 });
const base: InferOptions = {
  limit: LIMIT,
  float: false,
  threads: 1,
  tables: ['asic-45nm-horowitz'],
};

async function both(prepared: typeof adder, datapath: InferOptions['datapath']) {
  const f = await measureWithPredictions(prepared, { ...base, datapath });
  const g = await measureWithPredictions(prepared, { ...base, datapath, backend: 'gate' });
  return { f, g };
}

/** What the two backends must share: everything but the gate backend's toggles. */
function comparable(r: Awaited<ReturnType<typeof measureWithPredictions>>) {
  const { backend: _, layers, ...rest } = r.result;
  return {
    ...rest,
    layers: layers.map(({ netlists: _n, ...l }) => l),
    predictions: [...r.predictions],
  };
}

describe('slot circuits on both backends', () => {
  for (const [name, prepared, datapath] of [
    ['AdderNet, sub loa:5', adder, { sub: 'loa:5' }],
    ['AdderNet, sub eta1:6', adder, { sub: 'eta1:6' }],
    ['CNN, mul bam:3:9', cnn, { mul: 'bam:3:9' }],
    ['CNN, mul truncmul:7', cnn, { mul: 'truncmul:7' }],
    ['AdderNet, acc loa:8', adder, { acc: 'loa:8' }],
    ['AdderNet, sub loa:5 and acc eta1:6', adder, { sub: 'loa:5', acc: 'eta1:6' }],
    ['CNN, acc aca:10', cnn, { acc: 'aca:10' }],
    ['CNN, mul bam:3:9 and acc trunc:3', cnn, { mul: 'bam:3:9', acc: 'trunc:3' }],
  ] as const) {
    it(`${name}: bit-identical`, async () => {
      const { f, g } = await both(prepared, datapath);
      expect(comparable(g)).toEqual(comparable(f));
      expect(f.result.datapath).toMatchObject(datapath);
    });
  }

  it('CNN, mul truncmul:5 into a narrow 17-bit accumulator (stepped, wrapping): bit-identical', async () => {
    const narrow = prepareNetwork(fromRoot('models', 'lenet5-bn-cnn.safetensors'), {
      bits: 8,
      accBits: 17,
    });
    const { f, g } = await both(narrow, { mul: 'truncmul:5' });
    expect(f.result.overflowEvents).toBeGreaterThan(0);
    expect(comparable(g)).toEqual(comparable(f));
  });

  it('CNN and AdderNet, acc trunc:2 into narrow saturating accumulators: bit-identical', async () => {
    for (const [file, accBits] of [
      ['lenet5-bn-cnn.safetensors', 17],
      ['lenet5-bn-adder.safetensors', 12],
    ] as const) {
      const narrow = prepareNetwork(fromRoot('models', file), {
        bits: 8,
        accBits,
        overflow: 'sat',
      });
      const { f, g } = await both(narrow, { acc: 'trunc:2' });
      expect(f.result.overflowEvents).toBeGreaterThan(0);
      expect(comparable(g)).toEqual(comparable(f));
    }
  });

  it('a harsh circuit changes what the network computes', async () => {
    const exact = await measureWithPredictions(cnn, base);
    const harsh = await measureWithPredictions(cnn, { ...base, datapath: { mul: 'bam:6:12' } });
    expect([...harsh.predictions]).not.toEqual([...exact.predictions]);
    const loa0 = await measureWithPredictions(adder, { ...base, datapath: { sub: 'loa:0' } });
    const plain = await measureWithPredictions(adder, base);
    expect([...loa0.predictions]).toEqual([...plain.predictions]);
    // An exact accumulator circuit (loa:0 is ripple-carry) leaves every output as it was.
    const acc0 = await measureWithPredictions(adder, { ...base, datapath: { acc: 'loa:0' } });
    expect([...acc0.predictions]).toEqual([...plain.predictions]);
    const harshAcc = await measureWithPredictions(cnn, {
      ...base,
      datapath: { acc: 'trunc:14' },
    });
    expect([...harshAcc.predictions]).not.toEqual([...exact.predictions]);
  });

  it('refuses a slot the model has no layers for, and names the flag', async () => {
    await expect(
      measureWithPredictions(cnn, { ...base, datapath: { sub: 'loa:4' } }),
    ).rejects.toThrow(
      new InputError(
        `--sub-circuit needs a model with adder layers; ${fromRoot('models', 'lenet5-bn-cnn.safetensors')} has none`,
      ),
    );
    await expect(
      measureWithPredictions(cnn, { ...base, datapath: { mul: 'bam:9:1' } }),
    ).rejects.toThrow(
      new InputError('--mul-circuit bam:H:V must have H from 0 to 7 at 8 bits, not 9'),
    );
    const body = cnn.graph.nodes.find((n) => n.op === 'weight' && n.role === 'body');
    const [id, bits, natural] =
      body?.op === 'weight' ? [body.id, body.accBits, body.naturalAccBits] : [];
    await expect(
      measureWithPredictions(cnn, { ...base, datapath: { acc: 'loa:99' } }),
    ).rejects.toThrow(
      new InputError(
        `--acc-circuit loa:K must have K from 0 to ${bits} at ${bits} bits, not 99 (layer ${id}; --acc-bits sets the body layers' accumulators, up to their overflow-free width, here ${natural})`,
      ),
    );
    // A wrong name or parameter count is wrong at every width: no layer named.
    await expect(
      measureWithPredictions(cnn, { ...base, datapath: { acc: 'loa:1:2' } }),
    ).rejects.toThrow(
      new InputError('--acc-circuit loa takes 1 parameter(s) (loa:K), not "loa:1:2"'),
    );
    await expect(
      measureWithPredictions(cnn, { ...base, datapath: { acc: 'bam:1:2' } }),
    ).rejects.toThrow(
      /^--acc-circuit must be a \.v or \.json netlist or one of loa:K, trunc:K, eta1:K, aca:W, not "bam:1:2"$/,
    );
  });
});
