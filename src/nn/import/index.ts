/**
 * Importers of other tools' checkpoints. PyTorch: zip and legacy torch.save files, read by a
 * pickle reader that never executes (pickle.ts, allow-list in pickle-allow.ts), and
 * safetensors files with PyTorch names; key-map.ts maps the names onto a net.
 */

export { importOnnx } from '../onnx/import-onnx.js';
export { isOnnxFile } from '../onnx/read.js';
export { importCheckpoint } from './import-checkpoint.js';
export { parseMapRules } from './key-map.js';
