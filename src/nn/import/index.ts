/**
 * Importers of other tools' checkpoints. PyTorch: zip and legacy torch.save files, read by a
 * pickle reader that never executes (pickle.ts, allow-list in pickle-allow.ts), and
 * safetensors files with PyTorch names; key-map.ts maps the names onto a net.
 */
export { type ImportOptions, type ImportResult, importCheckpoint } from './import-checkpoint.js';
export { type MapRule, mapTensors, parseMapRules } from './key-map.js';
export {
  decodeSource,
  readSource,
  SOURCE_FORMATS,
  type Source,
  type SourceFormat,
} from './source.js';
export type { SourceTensor } from './torch-tensors.js';
