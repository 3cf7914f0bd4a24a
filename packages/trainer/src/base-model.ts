// Where the shipped base model lives (pretrained by scripts/pretrain-base.mjs): the package's
// base-model/ folder, one level above both src/ and dist/.
import { fileURLToPath } from 'node:url';

export const BASE_MODEL_DIR = fileURLToPath(new URL('../base-model/', import.meta.url));
/** The bundled data: corpus/en.txt, corpus/zh.txt, sft.jsonl, preferences.jsonl. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
