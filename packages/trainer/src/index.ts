// Public API of @repo/trainer (in progress): the tokenizer. The model, the training stages, the
// optimizers and the runs come next; the arithmetic they report with is @repo/training-math.
export {
  BYTE_OFFSET,
  CHARACTER_OFFSET,
  CharTokenizer,
  SPECIAL_TOKENS,
} from './tokenizer/char-tokenizer.js';
export type {
  ChatTurn,
  EncodedChat,
  SpecialToken,
  StreamDecoder,
  TokenizerJson,
} from './tokenizer/char-tokenizer.js';
export { buildCharTokenizer, loadCharTokenizer } from './tokenizer/build-tokenizer.js';
export type { BuildTokenizerOptions } from './tokenizer/build-tokenizer.js';
