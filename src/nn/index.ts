/**
 * Public API of the neural-network engine (what quant, engine, budget, report and cli call).
 *
 * Models
 *   new Model(graph)                      graph = deriveVariant(loadArchitecture('lenet5'), v)
 *   model.initialise(seed)                seeded initial weights
 *   model.loadState(tensors, source)      tensors by checkpoint name; InputError if missing
 *   model.forward(x, { training: false }) logits [N, classes] for x [N, C, H, W] (normalised)
 *   model.forwardAll(x)                   Map nodeId -> output tensor (eval mode, calibration)
 *   model.stateTensors()                  Map name -> tensor (live views)
 * Checkpoints (safetensors, F32, PyTorch tensor names; see checkpoint.ts for the metadata)
 *   loadCheckpoint(path) -> { graph, tensors, metadata }
 *   saveCheckpoint(path, graph, tensors, metadata)
 *   loadModel(path) -> { model, checkpoint }
 *   encodeSafetensors / decodeSafetensors   the file format itself
 * Data
 *   loadMnist('train' | 'test') -> Dataset { images (raw bytes), labels, count, shape, mean, std }
 *   loadCifar10(folder, 'train' | 'test') -> Dataset
 *   normalise(dataset, bytes) -> Float32Array; makeBatch(dataset, order, start, end)
 *   evaluateAccuracy(model, dataset, { limit }) -> { correct, total, accuracy }
 * Importing (PyTorch .pth zip/legacy, safetensors with PyTorch names; pickles never execute)
 *   importCheckpoint({ file, net, variant, out, mean?, std?, rules? }) -> ImportResult
 *   readSource(path) -> { format, tensors, sha256 }; parseMapRules('old=new,...')
 *   importOnnx({ file, out, mean?, std? }) -> OnnxImportResult; isOnnxFile(path)
 *   (an ONNX model: its graph and CNN weights; loadCheckpoint reads .onnx files directly)
 * Training
 *   runTraining(options) (files, resume), trainEpoch, Sgd, cosineLr, adaptiveScale
 */
export * from './architectures.js';
export * from './checkpoint.js';
export * from './data/cifar10.js';
export * from './data/dataset.js';
export * from './data/idx.js';
export * from './data/mnist.js';
export * from './evaluate.js';
export * from './graph.js';
export * from './import/index.js';
export * from './loss.js';
export * from './model.js';
export * from './optim.js';
export * from './rng.js';
export * from './safetensors.js';
export * from './session.js';
export * from './tensor.js';
export * from './train.js';
export * from './zoo.js';
